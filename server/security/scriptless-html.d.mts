/** Types of scriptless-html.mjs (plain JavaScript: the preload loads it before any compiler). */
export function withoutScripts(html: string): string;
export const SCRIPTLESS_PAGE_CSP: string;
