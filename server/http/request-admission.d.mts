/** Types of request-admission.mjs (a preload, plain JavaScript: Node loads it before any compiler). */
export const MAX_IN_WORK: number;
export const MAX_WAIT_MS: number;
export const MAX_HOLD_MS: number;
