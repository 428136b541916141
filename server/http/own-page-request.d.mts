/** Types of own-page-request.mjs (shared by the preloads, plain JavaScript). */
import type { IncomingMessage } from "node:http";

export function isOwnPageRequest(request: IncomingMessage): boolean;
