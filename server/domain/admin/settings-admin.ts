/**
 * Admin's view and edit of the settings (server/domain/settings.ts): every key, validated by
 * its zod schema, stored with `updatedById`, each change audited (`setting.update`, detail =
 * the key and the names of the changed fields, never the values) in the same transaction.
 *
 * Validation problems come back as data, one per field path with a stable code the page
 * translates, so the form can put each message next to its field.
 */
import type { z } from "zod";
import type { Db } from "../../db.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { may } from "../policy/policy.ts";
import { appendAudit, canonicalJson } from "../audit.ts";
import { parseSetting, SETTING_KEYS, settingSchemas, type SettingKey, type SettingValues } from "../settings.ts";
import { settingDefaults } from "../settings-defaults.ts";
import { AdminError } from "./errors.ts";

/** Serialises setting changes (the optimistic check and the write happen under it). */
const SETTINGS_LOCK = 7_390_213;

export const SETTING_ISSUE_CODES = [
  "required",
  "positive",
  "integer",
  "number",
  "min_items",
  "too_long",
  "email",
  "url",
  "date",
  "time",
  "time_order",
  "no_days",
  "timezone",
  "mime",
  "pattern_seq",
  "pattern_token",
  "pattern_shared",
  "total_lt_file",
  "retention_period",
  "unknown_key",
  "unknown_signer",
  "absolute_path",
  "invalid",
] as const;
export type SettingIssueCode = (typeof SETTING_ISSUE_CODES)[number];

export interface SettingIssue {
  /** Dotted path inside the value ("" = the value itself), e.g. `days.1`, `email`, `3`. */
  path: string;
  code: SettingIssueCode;
}

// The custom messages of server/domain/settings.ts, by code (a unit test pins each one).
const CUSTOM_MESSAGES: [RegExp, SettingIssueCode][] = [
  [/IANA time zone/, "timezone"],
  [/opening time must be before closing time/, "time_order"],
  [/at least one office day/, "no_days"],
  [/must contain \{seq\}/, "pattern_seq"],
  [/only the placeholders/, "pattern_token"],
  [/shares its pattern/, "pattern_shared"],
  [/maxTotalBytes must be at least maxFileBytes/, "total_lt_file"],
  [/retention period must be at least one month/, "retention_period"],
  [/HH:MM/, "time"],
  [/MIME type/, "mime"],
  [/absolute directory path/, "absolute_path"],
];

function issueCode(issue: z.core.$ZodIssue): SettingIssueCode {
  switch (issue.code) {
    case "too_small":
      return issue.origin === "string" ? "required" : issue.origin === "array" ? "min_items" : "positive";
    case "too_big":
      return "too_long";
    case "invalid_type":
      return issue.expected === "int" ? "integer" : issue.expected === "number" ? "number" : "invalid";
    case "invalid_format":
      if (issue.format === "email") return "email";
      if (issue.format === "url") return "url";
      if (issue.format === "date") return "date";
      break;
    case "unrecognized_keys":
    case "invalid_key":
      return "unknown_key";
  }
  return CUSTOM_MESSAGES.find(([re]) => re.test(issue.message))?.[1] ?? "invalid";
}

/**
 * zod issues as one issue per field: the first at a path (usually the most basic, "required"
 * before "pattern"), and none about a day when one of its times is already malformed.
 */
export function toSettingIssues(issues: readonly z.core.$ZodIssue[]): SettingIssue[] {
  const out: SettingIssue[] = [];
  const related = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
  for (const issue of issues) {
    const code = issueCode(issue);
    // The object-level refine of uploads.limits is about one field: put it there.
    const path = code === "total_lt_file" ? "maxTotalBytes" : issue.path.map(String).join(".");
    if (out.some((o) => related(o.path, path))) continue;
    out.push({ path, code });
  }
  return out;
}

export interface AdminSettingView<K extends SettingKey = SettingKey> {
  key: K;
  value: SettingValues[K];
  /** Stored in the database (false: the default applies). */
  stored: boolean;
  /** The stored value fails its schema; the default is shown and saving replaces it. */
  invalid: boolean;
  updatedAt: Date | null;
  updatedBy: { name: string; username: string } | null;
}

export type AdminSettings = { [K in SettingKey]: AdminSettingView<K> };

export async function listSettings(db: Pick<Db, "setting">): Promise<AdminSettings> {
  const rows = await db.setting.findMany({ include: { updatedBy: { select: { name: true, username: true } } } });
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const out: Partial<Record<SettingKey, AdminSettingView>> = {};
  for (const key of SETTING_KEYS) {
    const row = byKey.get(key);
    const parsed = row ? settingSchemas[key].safeParse(row.value) : null;
    out[key] = {
      key,
      value: parsed?.success ? (parsed.data as SettingValues[typeof key]) : structuredClone(settingDefaults[key]),
      stored: Boolean(row),
      invalid: Boolean(parsed && !parsed.success),
      updatedAt: row?.updatedAt ?? null,
      updatedBy: row?.updatedBy ?? null,
    };
  }
  return out as AdminSettings;
}

/** Dotted paths of what differs, descending into plain objects; a changed array or scalar is one field. */
export function changedFields(before: unknown, after: unknown, prefix = ""): string[] {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === "object" && !Array.isArray(v);
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => changedFields(before[k], after[k], prefix ? `${prefix}.${k}` : k));
  }
  return canonicalJson(before) === canonicalJson(after) ? [] : [prefix || "value"];
}

/** Stored form of a value: holidays sorted and without duplicates, so the list reads in date order. */
function normalise<K extends SettingKey>(key: K, value: SettingValues[K]): SettingValues[K] {
  if (key === "office.holidays") return [...new Set(value as string[])].sort() as SettingValues[K];
  return value;
}

export type UpdateSettingResult =
  { ok: true; changed: string[]; updatedAt: Date | null } | { ok: false; issues: SettingIssue[] };

export interface UpdateSettingInput {
  key: SettingKey;
  value: unknown;
  /**
   * `updatedAt` of the value the form was loaded with (null: it was not stored yet). When
   * given and someone saved since, the change is refused (`stale_setting`) instead of silently
   * overwriting theirs.
   */
  expectedUpdatedAt?: Date | null;
}

export async function updateSetting(
  db: Db,
  actorId: string,
  input: UpdateSettingInput,
  now = new Date(),
): Promise<UpdateSettingResult> {
  const { key } = input;
  const parsed = settingSchemas[key].safeParse(input.value);
  if (!parsed.success) return { ok: false, issues: toSettingIssues(parsed.error.issues) };
  // The same check through the one public entry point (throws only if the two ever disagree).
  const value = normalise(key, parseSetting(key, parsed.data));

  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETTINGS_LOCK})`;
    const actor = await tx.staffUser.findUnique({
      where: { id: actorId },
      select: { username: true, active: true, roles: true },
    });
    if (!actor || !actor.active || !may(actor.roles, "administer")) throw new AdminError("not_admin");

    if (key === "letters.signers") {
      const issues = await unknownSigners(tx, value as SettingValues["letters.signers"]);
      if (issues.length) return { ok: false, issues };
    }

    const row = await tx.setting.findUnique({ where: { key } });
    if (
      input.expectedUpdatedAt !== undefined &&
      (row?.updatedAt.getTime() ?? null) !== (input.expectedUpdatedAt?.getTime() ?? null)
    ) {
      throw new AdminError("stale_setting");
    }
    const current = row ? settingSchemas[key].safeParse(row.value) : null;
    const before = current?.success ? current.data : row ? row.value : settingDefaults[key];
    const fields = changedFields(before, value);
    // Nothing to store or record when nothing changed (a damaged stored value is always replaced).
    if (fields.length === 0 && (!row || current?.success))
      return { ok: true, changed: [], updatedAt: row?.updatedAt ?? null };

    const json = value as Prisma.InputJsonValue;
    const saved = await tx.setting.upsert({
      where: { key },
      create: { key, value: json, updatedById: actorId },
      update: { value: json, updatedById: actorId },
    });
    await appendAudit(tx, {
      actorId,
      actorLabel: actor.username,
      action: "setting.update",
      target: `setting:${key}`,
      detail: { key, fields },
      at: now,
    });
    return { ok: true, changed: fields, updatedAt: saved.updatedAt };
  });
}

/** Signers must be active staff accounts. */
async function unknownSigners(
  tx: Prisma.TransactionClient,
  signers: SettingValues["letters.signers"],
): Promise<SettingIssue[]> {
  const ids = Object.values(signers).filter((v): v is string => typeof v === "string");
  const found = new Set(
    (await tx.staffUser.findMany({ where: { id: { in: ids }, active: true }, select: { id: true } })).map((u) => u.id),
  );
  return Object.entries(signers)
    .filter(([, id]) => typeof id === "string" && !found.has(id))
    .map(([type]) => ({ path: type, code: "unknown_signer" as const }));
}
