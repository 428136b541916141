/**
 * Typed access to the Setting key/value table (keys documented on `model Setting` in
 * prisma/schema.prisma). Each key has one zod schema; a missing key reads as its default
 * (server/domain/settings-defaults.ts), a stored value that fails its schema is an error
 * (a silently ignored Admin change would be worse).
 */
import { Prisma } from "../generated/prisma/client.ts";
import type { Db } from "../db.ts";
import { settingSchemas, type SettingKey, type SettingValue, type SettingValues } from "./setting-schemas.ts";
import { settingDefaults } from "./settings-defaults.ts";

// The schemas and their types live apart, so the defaults can name the types without a cycle.
export { settingSchemas, type SettingKey, type SettingValue, type SettingValues };

export const SETTING_KEYS = Object.keys(settingSchemas) as SettingKey[];

export class SettingError extends Error {
  override name = "SettingError";
}

/** Validates a value for a key; throws SettingError naming the key and the problem. */
export function parseSetting<K extends SettingKey>(key: K, value: unknown): SettingValue<K> {
  const parsed = settingSchemas[key].safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${[key, ...i.path].join(".")} ${i.message}`).join("; ");
    throw new SettingError(`Invalid setting ${problems}`);
  }
  return parsed.data as SettingValue<K>;
}

/** The stored value of a key, or its default when the key is absent. Works on a transaction client too. */
export async function getSetting<K extends SettingKey>(db: Pick<Db, "$queryRaw">, key: K): Promise<SettingValue<K>> {
  return (await getSettings(db, [key]))[key];
}

/**
 * Several keys in one query, each read as `getSetting` reads it. Written as SQL because every
 * page rendered per request reads the office's settings, and Prisma's building of the query cost
 * about as much again as the read itself.
 */
export async function getSettings<K extends SettingKey>(
  db: Pick<Db, "$queryRaw">,
  keys: readonly K[],
): Promise<{ [P in K]: SettingValue<P> }> {
  // `IN ()` is not SQL: no keys asked, no statement.
  const rows =
    keys.length === 0
      ? []
      : await db.$queryRaw<{ key: string; value: unknown }[]>`
    SELECT "key", "value" FROM "settings" WHERE "key" IN (${Prisma.join(keys)})`;
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const values = {} as { [P in K]: SettingValue<P> };
  // A copy of a default: callers may modify what they get without touching the shared defaults.
  for (const key of keys)
    values[key] = stored.has(key) ? parseSetting(key, stored.get(key)) : structuredClone(settingDefaults[key]);
  return values;
}
