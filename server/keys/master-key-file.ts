/**
 * The master key in secrets.json during a rotation (embedded installations): the new key goes
 * in as masterKey with the old one kept as previousMasterKey, and the old one is removed once
 * nothing is left under it. Both writes are atomic (writeSecretsFile).
 */
import { randomBytes } from "node:crypto";
import { ConfigError, decodeKey, readSecretsFile, writeSecretsFile } from "../env.ts";
import { masterKeyring, type MasterKey } from "../domain/crypto.ts";

/** Puts a fresh master key into `file`, keeping the current one as previous; returns the new keyring. */
export function newMasterKeyInFile(file: string): MasterKey {
  const stored = readSecretsFile(file);
  if (!stored) throw new ConfigError(`${file} does not exist`);
  if (stored.previousMasterKey !== undefined)
    throw new ConfigError(
      `${file} already holds a previous master key: a rotation is under way; run \`npm run keys:rotate\` to finish it`,
    );
  const fresh = randomBytes(32);
  writeSecretsFile(file, { ...stored, masterKey: fresh.toString("base64"), previousMasterKey: stored.masterKey });
  return masterKeyring(fresh, decodeKey(stored.masterKey)!);
}

/** The new key and its previous as `file` holds them, or null when it holds no rotation. */
export function rotationInFile(file: string): MasterKey | null {
  const stored = readSecretsFile(file);
  if (!stored?.previousMasterKey) return null;
  return masterKeyring(decodeKey(stored.masterKey)!, decodeKey(stored.previousMasterKey)!);
}

/** Removes previousMasterKey once the rotation to `current` has finished (only if `current` is still the file's key). */
export function dropPreviousFromFile(file: string, current: Buffer): boolean {
  const stored = readSecretsFile(file);
  if (!stored?.previousMasterKey || !decodeKey(stored.masterKey)!.equals(masterKeyring(current))) return false;
  const { previousMasterKey: _dropped, ...rest } = stored;
  writeSecretsFile(file, rest);
  return true;
}
