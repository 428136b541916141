/**
 * What a report says (4W+1H, as Indonesian WBS guidance asks), validated the same way for
 * the portal form and for the Sekretariat's intake of offline reports. Stored ENCRYPTED in
 * Case.payload; the confidential identity goes to Case.reporterIdentity.
 */
import { z } from "zod";
import { Category, IdentityMode } from "../../generated/prisma/enums.ts";

/** Field limits: generous for honest reports, bounded so no field can exhaust memory. */
export const LIMITS = {
  what: 10_000,
  how: 5_000,
  where: 500,
  when: 200,
  evidence: 2_000,
  witnesses: 2_000,
  personName: 150,
  personPosition: 200,
  persons: 10,
  identityName: 150,
  identityContact: 200,
} as const;

const text = (max: number) => z.string().trim().max(max, { error: "too_long" });
const required = (max: number) => text(max).min(1, { error: "required" });

export const personSchema = z.object({
  name: required(LIMITS.personName),
  position: text(LIMITS.personPosition),
});

export const reportContentSchema = z.object({
  what: required(LIMITS.what),
  persons: z.array(personSchema).min(1, { error: "required" }).max(LIMITS.persons, { error: "too_many" }),
  where: text(LIMITS.where),
  when: text(LIMITS.when),
  how: text(LIMITS.how),
  evidence: text(LIMITS.evidence),
  witnesses: text(LIMITS.witnesses),
});
export type ReportContent = z.output<typeof reportContentSchema>;

export const identitySchema = z.object({
  name: required(LIMITS.identityName),
  contact: required(LIMITS.identityContact),
});
export type ReporterIdentity = z.output<typeof identitySchema>;

/** The whole report as submitted: content plus classification and identity choice. */
export const reportSchema = z
  .object({
    category: z.enum(Category, { error: "required" }),
    content: reportContentSchema,
    identityMode: z.enum(IdentityMode, { error: "required" }),
    identity: identitySchema.optional(),
    involvesLeadership: z.boolean(),
  })
  .superRefine((r, ctx) => {
    if (r.identityMode === IdentityMode.CONFIDENTIAL && !r.identity)
      ctx.addIssue({ code: "custom", path: ["identity", "name"], message: "required" });
  })
  // An anonymous report keeps no identity, even if the form sent one.
  .transform((r) => (r.identityMode === IdentityMode.ANONYMOUS ? { ...r, identity: undefined } : r));
export type ReportInput = z.output<typeof reportSchema>;
