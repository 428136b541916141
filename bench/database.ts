/**
 * The bench database, prepared before `next start` opens it (PGlite allows one process):
 * the demo staff with a known password and an enrolled TOTP secret each, and, when a selected
 * scenario asks for them, the synthetic cases of `npm run db:seed:synthetic`.
 */
import { loadEnv } from "../server/env.ts";
import { openDb } from "../server/db.ts";
import { sealTotpSecret } from "../server/auth/second-factor.ts";
import { masterKeyVersion } from "../server/domain/crypto.ts";
import { generateTotpSecret } from "../server/domain/totp.ts";
import { seedDemo } from "../prisma/seed-data.ts";
import { seedSyntheticCases } from "../prisma/seed-synthetic-data.ts";

/** The performance budget: "statistics page and staff case list with 100 000 cases". */
export const SYNTHETIC_CASES = 100_000;

export const BENCH_STAFF_PASSWORD = "bench-Lentera-2026!";

/** TOTP secrets of the demo accounts by username, for staffSession(). */
export type StaffSecrets = ReadonlyMap<string, Buffer>;

export interface PrepareOptions {
  syntheticCases: number;
  log: (line: string) => void;
}

/** Adds synthetic cases to a database that servers may already use (PostgreSQL: the scale-out check). */
export async function addSyntheticCases(env: NodeJS.ProcessEnv, count: number): Promise<void> {
  const config = loadEnv(env as Record<string, string>);
  const handle = await openDb(config.database, { migrate: false, secrets: config });
  try {
    await seedSyntheticCases(handle.db, config.secrets.masterKey, count);
  } finally {
    await handle.close();
  }
}

export async function prepareDatabase(
  env: NodeJS.ProcessEnv,
  { syntheticCases, log }: PrepareOptions,
): Promise<StaffSecrets> {
  const config = loadEnv(env as Record<string, string>);
  const handle = await openDb(config.database, { migrate: true, secrets: config });
  try {
    await seedDemo(handle.db, { log: () => {}, password: () => BENCH_STAFF_PASSWORD });
    const secrets = new Map<string, Buffer>();
    const users = await handle.db.staffUser.findMany({ select: { id: true, username: true } });
    for (const user of users) {
      const secret = generateTotpSecret();
      await handle.db.staffUser.update({
        where: { id: user.id },
        data: {
          totpSecret: sealTotpSecret(config.secrets.masterKey, user.id, secret),
          totpKeyVersion: masterKeyVersion(config.secrets.masterKey),
          totpEnrolledAt: new Date(),
        },
      });
      secrets.set(user.username, secret);
    }
    if (syntheticCases > 0) {
      const started = Date.now();
      await seedSyntheticCases(handle.db, config.secrets.masterKey, syntheticCases);
      log(`bench: ${syntheticCases} synthetic cases seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    return secrets;
  } finally {
    await handle.close();
  }
}
