/** Types of scriptless-answer.mjs (a preload, plain JavaScript: Node loads it before any compiler). */
import type { IncomingMessage, ServerResponse } from "node:http";

export function isScriptlessPage(pathname: string): boolean;
export function takesScriptlessAnswer(request: IncomingMessage, production?: boolean): boolean;
export function answerWithoutScripts(request: IncomingMessage, response: ServerResponse): void;
