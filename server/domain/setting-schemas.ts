/** One zod schema per setting key (keys documented on `model Setting` in prisma/schema.prisma). */
import { z } from "zod";
import { LetterType } from "../generated/prisma/enums.ts";
import { NUMBER_TOKENS } from "./sequence.ts";
import { backupScheduleSchema } from "./backup-schedule.ts";

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM (24-hour)");
const isoDate = z.iso.date();
const positiveInt = z.number().int().positive();
const letterType = z.enum(LetterType);
/** A pattern needs the sequence number; `{seq:4}` pads it to four digits. */
const numberPattern = z
  .string()
  .min(1)
  .max(100)
  .refine((p) => /\{seq(:\d)?\}/.test(p), "must contain {seq} or {seq:N}");
/** A letter pattern may also use {month} (Roman numerals) and {code} (the type's code), and nothing else in braces. */
const letterPattern = numberPattern.refine(
  (p) => !/\{[^}]*\}/.test(p.replace(NUMBER_TOKENS, "")),
  "only the placeholders {seq}, {seq:N}, {year}, {month} and {code}",
);
const casePattern = numberPattern.refine(
  (p) => !/\{[^}]*\}/.test(p.replace(/\{(seq(?::\d)?|year)\}/g, "")),
  "only the placeholders {seq}, {seq:N} and {year}",
);

/**
 * Zones the runtime accepted, remembered: every page reads "office.hours" (the office's time
 * zone), and trying a zone makes an Intl.DateTimeFormat, which loads locale data each time.
 * Only accepted IANA names are kept, so the set stays as small as the zone database.
 */
const acceptedZones = new Set<string>();
function isTimeZone(tz: string): boolean {
  if (acceptedZones.has(tz)) return true;
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
  } catch {
    return false;
  }
  acceptedZones.add(tz);
  return true;
}
export const settingSchemas = {
  /** Letterhead (kop surat) and the place printed before each letter's date. */
  "office.identity": z.object({
    regency: z.string().min(1),
    officeName: z.string().min(1),
    /** Where the full name does not fit (authenticator apps, statistics titles); empty = the full name. */
    shortName: z.string().max(60).optional(),
    address: z.string().min(1),
    phone: z.string(),
    email: z.union([z.email(), z.literal("")]),
    website: z.union([z.url({ protocol: /^https?$/ }), z.literal("")]),
    city: z.string().min(1),
  }),
  /** Office hours per ISO weekday ("1" = Monday … "7" = Sunday); absent day = closed. */
  "office.hours": z.object({
    timeZone: z.string().refine(isTimeZone, "must be an IANA time zone, e.g. Asia/Jakarta"),
    days: z
      .partialRecord(
        z.enum(["1", "2", "3", "4", "5", "6", "7"]),
        z.tuple([hhmm, hhmm]).refine(([open, close]) => open < close, "opening time must be before closing time"),
      )
      .refine((days) => Object.keys(days).length > 0, "at least one office day is needed"),
  }),
  /** Days the office is closed (national holidays, cuti bersama), Asia/Jakarta dates. */
  "office.holidays": z.array(isoDate),
  /** SOP standard time (mutu baku) per step, in office minutes. */
  "sla.standards": z.object({
    "2": positiveInt,
    "3": positiveInt,
    "4": positiveInt,
    "5": positiveInt,
    "6": positiveInt,
    "7": positiveInt,
    "8": positiveInt,
  }),
  /** What the office publishes to reporters, in office days from receipt. */
  "sla.commitments": z.object({ recordOfficeDays: positiveInt, responseOfficeDays: positiveInt }),
  /** RESPONDED → ARCHIVED (NOT_ACKNOWLEDGED) after this many office days without acknowledgement. */
  "sla.autoArchive": z.object({ officeDays: positiveInt }),
  "numbering.caseReference": casePattern,
  /**
   * Letter number pattern per numbered letter type; placeholders {seq}, {seq:N}, {year},
   * {month} (Roman) and {code} (LETTER_TYPE_CODES). Each type counts its own sequence, so two
   * types on one pattern without {code} would print the same number on different letters.
   */
  "numbering.letters": z.partialRecord(letterType, letterPattern).superRefine((patterns, ctx) => {
    const seen = new Map<string, string>();
    for (const [type, pattern] of Object.entries(patterns)) {
      if (!pattern || pattern.includes("{code}")) continue;
      if (seen.has(pattern))
        ctx.addIssue({
          code: "custom",
          path: [type],
          message: `shares its pattern with ${seen.get(pattern)}: add {code}`,
        });
      else seen.set(pattern, type);
    }
  }),
  /** Default signer (StaffUser id) per letter type. */
  "letters.signers": z.partialRecord(letterType, z.string().min(1)),
  "uploads.limits": z
    .object({
      maxFileBytes: positiveInt,
      maxFilesPerReport: positiveInt,
      maxTotalBytes: positiveInt,
      allowedTypes: z.array(z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/, "must be a MIME type")).min(1),
    })
    .refine((l) => l.maxTotalBytes >= l.maxFileBytes, "maxTotalBytes must be at least maxFileBytes"),
  /** Daily backups of the embedded database (server/backup/scheduled-backup.ts); off by default. */
  "backup.schedule": backupScheduleSchema,
  /**
   * Retention rule (jadwal retensi arsip) for archived cases: their content is destroyed this
   * long after archiving, by a daily run at `runAt` office time. One period for all content:
   * the letters and the dossier quote the report and the reporter, so no part can outlive
   * another. Off until the office enables it.
   */
  "retention.archive": z
    .object({
      enabled: z.boolean(),
      years: z.number().int().min(0).max(100),
      months: z.number().int().min(0).max(11),
      runAt: hhmm,
    })
    .refine((r) => r.years * 12 + r.months >= 1, "the retention period must be at least one month"),
} as const;

export type SettingKey = keyof typeof settingSchemas;
export type SettingValue<K extends SettingKey> = z.output<(typeof settingSchemas)[K]>;
export type SettingValues = { [K in SettingKey]: SettingValue<K> };
