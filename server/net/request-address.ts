/**
 * The ONE way the app learns a request's client address: from the socket peer stamped by
 * server/net/peer-stamp.mjs, and X-Forwarded-For only when that peer is a trusted proxy
 * (LENTERA_TRUSTED_PROXIES). Used by the tracking brake, the sign-in throttle and the staff
 * audit trail.
 */
import { env } from "../env.ts";
import { resolveClientAddress, UNKNOWN_ADDRESS, type TrustedProxies } from "./client-address.ts";

const MARK = Symbol.for("lentera.peerStamp");
export const PEER_HEADER = "x-lentera-peer";

/** True when this process was started with the peer stamp loaded (otherwise no peer header can be believed). */
export function peerStampLoaded(): boolean {
  return (globalThis as Record<symbol, unknown>)[MARK] === PEER_HEADER;
}

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined | null;

function read(headers: HeaderSource, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name);
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value.join(",") : (value ?? null);
}

/**
 * The client address of a request with these headers. Without the stamp (a server started
 * without it) every request is "unknown": limits then fail closed rather than trust a header
 * a client can write.
 */
export function clientAddressOf(
  headers: HeaderSource,
  trusted: TrustedProxies = env().trustedProxies,
  stamped = peerStampLoaded(),
): string {
  if (!stamped) return UNKNOWN_ADDRESS;
  return resolveClientAddress(read(headers, PEER_HEADER), read(headers, "x-forwarded-for"), trusted);
}
