/**
 * The static security headers of every response. next.config.mjs adds them to whatever Next.js
 * answers; the proxy adds them to the answers it makes itself. One list, in JSON so both can read it.
 */
import headers from "./security-headers.json";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = headers;
