/**
 * Encryption at rest: AES-256-GCM boxes laid out as iv (12) ‖ tag (16) ‖
 * ciphertext. Each case has its own data key, stored wrapped by the master key, so a
 * leaked row or backup reveals nothing without LENTERA_MASTER_KEY.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Binds wrapped keys to their purpose: a wrapped key cannot be passed off as a data box. */
const WRAP_AAD = Buffer.from("lentera:case-key:v1");

/**
 * The version label of rows wrapped before labels were derived from the key (see
 * masterKeyVersion): "the installation's first master key". Derived labels are never 1.
 */
export const MASTER_KEY_VERSION = 1;

/** Node's Buffers are never backed by a SharedArrayBuffer here; Prisma's Bytes type wants that said. */
export type Bytes = Buffer<ArrayBuffer>;
const bytes = (b: Buffer) => b as Bytes;

export class DecryptionError extends Error {
  override name = "DecryptionError";
}

export function seal(key: Buffer, plaintext: Buffer | string, aad?: Buffer): Bytes {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  if (aad) cipher.setAAD(aad);
  const body = cipher.update(typeof plaintext === "string" ? Buffer.from(plaintext, "utf8") : plaintext);
  const rest = cipher.final();
  // One copy of a sealed photo, not two.
  return bytes(Buffer.concat([iv, cipher.getAuthTag(), body, rest]));
}

export function open(key: Buffer, box: Uint8Array, aad?: Buffer): Buffer {
  const buf = Buffer.from(box.buffer, box.byteOffset, box.byteLength);
  if (buf.length < IV_BYTES + TAG_BYTES) throw new DecryptionError("sealed box is too short");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, buf.subarray(0, IV_BYTES));
    if (aad) decipher.setAAD(aad);
    decipher.setAuthTag(buf.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(buf.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new DecryptionError("sealed box failed authentication (wrong key or damaged data)");
  }
}

export const sealText = (key: Buffer, text: string) => seal(key, text);
export const openText = (key: Buffer, box: Uint8Array) => open(key, box).toString("utf8");
export const sealJson = (key: Buffer, value: unknown) => seal(key, JSON.stringify(value));
export const openJson = <T>(key: Buffer, box: Uint8Array): T => JSON.parse(openText(key, box)) as T;

export function newDataKey(): Buffer {
  return randomBytes(32);
}

/**
 * The master key in use and, while a rotation re-wraps the data, the key it replaces. It is the
 * current key's own Buffer (with `previous` attached), so everything that seals passes it on
 * unchanged and seals under the current key, and everything that opens a value sealed under
 * the master key (openUnderMasterKey) falls back to the previous key for rows not yet re-wrapped.
 */
export type MasterKey = Buffer & { readonly previous?: Buffer };

export function masterKeyring(current: Buffer, previous?: Buffer): MasterKey {
  const key = Buffer.from(current) as MasterKey;
  if (previous && !previous.equals(current))
    Object.defineProperty(key, "previous", { value: Buffer.from(previous), enumerable: false });
  return key;
}

/**
 * The label stored beside every value sealed under the master key (Case.keyVersion,
 * Letter.keyVersion, StaffUser.totpKeyVersion): derived from the key itself, so every process
 * knows the label of the key it holds without asking anyone, and a rotation can skip rows that
 * already carry the new key's label. 31 bits of an HMAC reveal nothing about the key; never 1
 * (the label of rows from before labels were derived).
 */
export function masterKeyVersion(masterKey: Buffer): number {
  const id = createHmac("sha256", masterKey).update("lentera:master-key-version:v1").digest().readUInt32BE(0);
  return 2 + (id % 0x7ffffffd);
}

/** Opens a box sealed under the master key: the current key first, then (during a rotation) the previous one. */
export function openUnderMasterKey(masterKey: Buffer, box: Uint8Array, aad?: Buffer): Buffer {
  try {
    return open(masterKey, box, aad);
  } catch (e) {
    const previous = (masterKey as MasterKey).previous;
    if (previous && e instanceof DecryptionError) return open(previous, box, aad);
    throw e;
  }
}

export function wrapDataKey(masterKey: Buffer, dataKey: Buffer): Bytes {
  return seal(masterKey, dataKey, WRAP_AAD);
}

export function unwrapDataKey(masterKey: Buffer, wrapped: Uint8Array): Buffer {
  return openUnderMasterKey(masterKey, wrapped, WRAP_AAD);
}

export function sha256(data: Buffer | string): Bytes {
  return bytes(createHash("sha256").update(data).digest());
}

export function hmacSha256(key: Buffer, data: Buffer | string): Bytes {
  return bytes(createHmac("sha256", key).update(data).digest());
}

/** A random token for URLs, forms and cookies (base64url, `bytes` of entropy). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}
