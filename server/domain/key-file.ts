/**
 * The key export file: every secret of an installation, encrypted under a passphrase.
 *
 * Two lines of text:
 *   1. a JSON header in clear: format name and version, the KDF and its parameters (scrypt with
 *      a random salt), and the check values of the secrets (secret-check.ts), so an import can
 *      tell which installation the file belongs to before anything is written;
 *   2. base64 of the AES-256-GCM box (iv ‖ tag ‖ ciphertext) of the secrets as JSON, with the
 *      exact bytes of line 1 as additional data: a changed header fails like a changed body.
 * Only Node's built-in crypto is used (scrypt, AES-GCM).
 */
import { randomBytes, scrypt } from "node:crypto";
import { z } from "zod";
import type { SecretsFileContent } from "../env.ts";
import { DecryptionError, open, seal } from "./crypto.ts";

export const KEY_FILE_FORMAT = "lentera-keys";
export const KEY_FILE_VERSION = 1;
export const MIN_PASSPHRASE_LENGTH = 12;

/** scrypt cost for new files: 2^17 × 8 × 128 bytes = 128 MiB and about half a second per try. */
const NEW_KDF = { N: 2 ** 17, r: 8, p: 1 };

export class KeyFileError extends Error {
  override name = "KeyFileError";
}

/** Names whose check values the header carries: the secrets, and the previous master key during a rotation. */
export type CheckName =
  "LENTERA_MASTER_KEY" | "LENTERA_TRACKING_KEY" | "NEXTAUTH_SECRET" | "LENTERA_MASTER_KEY_PREVIOUS";

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);
const hex32 = z.string().regex(/^[0-9a-f]{64}$/);

const headerSchema = z.object({
  format: z.literal(KEY_FILE_FORMAT),
  version: z.literal(KEY_FILE_VERSION),
  createdAt: z.string(),
  // Bounded: a crafted file must not make the import allocate gigabytes.
  kdf: z.object({
    name: z.literal("scrypt"),
    N: z
      .number()
      .int()
      .min(2 ** 14)
      .max(2 ** 20)
      .refine((n) => (n & (n - 1)) === 0, "must be a power of two"),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(4),
    salt: base64,
  }),
  cipher: z.literal("aes-256-gcm"),
  checks: z.object({
    LENTERA_MASTER_KEY: hex32,
    LENTERA_TRACKING_KEY: hex32,
    NEXTAUTH_SECRET: hex32,
    LENTERA_MASTER_KEY_PREVIOUS: hex32.optional(),
  }),
});
export type KeyFileHeader = z.infer<typeof headerSchema>;

const payloadSchema = z.object({
  masterKey: z.string(),
  trackingKey: z.string(),
  sessionSecret: z.string().min(32),
  previousMasterKey: z.string().optional(),
});

function deriveKey(passphrase: string, kdf: KeyFileHeader["kdf"]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const salt = Buffer.from(kdf.salt, "base64");
    scrypt(
      passphrase.normalize("NFC"),
      salt,
      32,
      { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 128 * kdf.N * kdf.r * kdf.p + 32 * 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

export function checkPassphrase(passphrase: string): void {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH)
    throw new KeyFileError(`The passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters long`);
}

/** The file's text for these secrets; `checks` are their check values (hex), computed by the caller. */
export async function sealKeyFile(
  secrets: SecretsFileContent,
  checks: KeyFileHeader["checks"],
  passphrase: string,
  now = new Date(),
): Promise<string> {
  checkPassphrase(passphrase);
  const header: KeyFileHeader = {
    format: KEY_FILE_FORMAT,
    version: KEY_FILE_VERSION,
    createdAt: now.toISOString(),
    kdf: { name: "scrypt", ...NEW_KDF, salt: randomBytes(16).toString("base64") },
    cipher: "aes-256-gcm",
    checks,
  };
  const line1 = JSON.stringify(header);
  const key = await deriveKey(passphrase, header.kdf);
  const payload = payloadSchema.parse(secrets);
  const box = seal(key, JSON.stringify(payload), Buffer.from(line1, "utf8"));
  return `${line1}\n${box.toString("base64")}\n`;
}

/** The header alone (no passphrase needed): which installation a file belongs to. */
export function readKeyFileHeader(text: string): KeyFileHeader {
  const [line1] = text.split("\n");
  let json: unknown;
  try {
    json = JSON.parse(line1 ?? "");
  } catch {
    throw new KeyFileError("This is not a Lentera key file");
  }
  const format = z.object({ format: z.literal(KEY_FILE_FORMAT), version: z.number() }).safeParse(json);
  if (!format.success) throw new KeyFileError("This is not a Lentera key file");
  if (format.data.version !== KEY_FILE_VERSION)
    throw new KeyFileError(
      `This key file has format version ${format.data.version}; this Lentera reads version ${KEY_FILE_VERSION}`,
    );
  const header = headerSchema.safeParse(json);
  if (!header.success) throw new KeyFileError("The key file is damaged (its header is incomplete)");
  return header.data;
}

/** Decrypts a key file; KeyFileError (one line) on a wrong passphrase or any change to the file. */
export async function openKeyFile(
  text: string,
  passphrase: string,
): Promise<{ header: KeyFileHeader; secrets: SecretsFileContent }> {
  const header = readKeyFileHeader(text);
  const lines = text.split("\n");
  const body = lines[1]?.trim() ?? "";
  if (!base64.safeParse(body).success || lines.slice(2).some((l) => l.trim() !== ""))
    throw new KeyFileError("Wrong passphrase, or the key file was altered or damaged");
  const key = await deriveKey(passphrase, header.kdf);
  let plain: Buffer;
  try {
    plain = open(key, Buffer.from(body, "base64"), Buffer.from(lines[0]!, "utf8"));
  } catch (e) {
    if (e instanceof DecryptionError)
      throw new KeyFileError("Wrong passphrase, or the key file was altered or damaged");
    throw e;
  }
  const secrets = payloadSchema.safeParse(JSON.parse(plain.toString("utf8")));
  if (!secrets.success) throw new KeyFileError("The key file is damaged (its secrets are incomplete)");
  return { header, secrets: secrets.data };
}
