import type { Db } from "../db.ts";
import { parseSetting, type SettingKey, type SettingValue } from "../domain/settings.ts";

/** Stores a setting as Admin would (validated by its schema), for tests of what follows it. */
export async function putSetting<K extends SettingKey>(
  db: Pick<Db, "setting">,
  key: K,
  value: SettingValue<K>,
): Promise<void> {
  const stored = parseSetting(key, value) as object;
  await db.setting.upsert({ where: { key }, create: { key, value: stored }, update: { value: stored } });
}
