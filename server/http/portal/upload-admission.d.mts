/** Types of upload-admission.mjs (a preload, plain JavaScript: Node loads it before any compiler). */
import type { IncomingHttpHeaders } from "node:http";

export const MAX_IN_WORK: number;
export const MAX_WAIT_MS: number;
export const UPLOAD_MIN_BYTES: number;

export function carriesUpload(method: string | undefined, headers: IncomingHttpHeaders): boolean;
