/**
 * A sample office year for demonstrations: about 150 reports received over the last twelve
 * months, each taken through the real workflow (the same domain functions the portal and the
 * staff workspace call, with the action's time set to when it "happened"), so timelines, agenda
 * books, letters (rendered PDFs), messages, SLA clocks, statistics and the audit chain are all
 * consistent. Some cases stall (overdue), some go to the Pengawas (escalated), some wait for the
 * reporter, the rest are at every step of the SOP.
 *
 * Demo only: refused in production, and refused on a database that already holds reports (sample
 * cases are never mixed into real ones). Idempotent: a second run finds the mark (demo-data.ts)
 * and adds nothing.
 */
import type { Db } from "../server/db.ts";
import { DeliveryMethod, IdentityMode, LetterType } from "../server/generated/prisma/enums.ts";
import type { Prisma } from "../server/generated/prisma/client.ts";
import { randomToken } from "../server/domain/crypto.ts";
import { effectiveRoles } from "../server/domain/roles.ts";
import { reportSchema } from "../server/domain/cases/report-content.ts";
import { intakeOfflineReport, OFFLINE_CHANNELS } from "../server/domain/cases/intake.ts";
import type { StaffActor, StaffContext } from "../server/domain/cases/acting.ts";
import {
  archiveCase,
  conveneMeeting,
  decideDraft,
  recordCase,
  recordDelivery,
  recordMeetingOutcome,
  reviewCase,
  saveDraft,
  sendResponse,
} from "../server/domain/cases/workflow.ts";
import { sendStaffMessage } from "../server/domain/cases/staff-messages.ts";
import { submitPortalReport } from "../server/domain/reporter/submit-report.ts";
import { acknowledgeResponse, sendReporterMessage } from "../server/domain/reporter/case-actions.ts";
import { openReporterSession, resumeReporterSession } from "../server/domain/reporter/session.ts";
import { SAMPLE_DATA_KEY, sampleDataMark } from "../server/domain/demo-data.ts";
import { seededRandom } from "../server/testing/seeded-random.ts";
import { SeedRefusedError } from "./seed-data.ts";
import { CATEGORY_WEIGHTS, MONTHS_ID, SAMPLE_REPORTS, TEXTS } from "./demo-office-year-data.ts";

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** The office's time zone (WIB): sample actions happen in its working hours. */
const OFFICE_UTC_OFFSET = 7 * HOUR;

export interface OfficeYearOptions {
  masterKey: Buffer;
  trackingKey: Buffer;
  isProduction: boolean;
  /** "Now": the year ends here (default: the real time). */
  now?: Date;
  cases?: number;
  seed?: number;
  log?: (line: string) => void;
}

export interface OfficeYearResult {
  created: number;
  /** True when the mark was already there and nothing was added. */
  alreadyPresent: boolean;
}

/** One staff role's account, acting at a given time. */
type Staff = Record<"sekretariat" | "telaah" | "kadis" | "audit", StaffActor>;

interface CaseState {
  id?: string;
  reference?: string;
  trackingCode?: string | null;
  meetingId?: string;
}

/** One action of one case at one moment; actions of all cases run in time order. */
interface Action {
  at: number;
  run: () => Promise<void>;
}

/** The next working-day moment at least `days` days after `from`, between 08:00 and 15:00 WIB. */
function workingMoment(from: number, days: number, random: () => number): number {
  let t = from + days * DAY;
  for (;;) {
    const local = new Date(t + OFFICE_UTC_OFFSET);
    const weekday = local.getUTCDay();
    if (weekday !== 0 && weekday !== 6) break;
    t += DAY;
  }
  const local = new Date(t + OFFICE_UTC_OFFSET);
  const hour = 8 + Math.floor(random() * 7);
  const minute = Math.floor(random() * 60);
  const moment =
    Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), hour, minute) - OFFICE_UTC_OFFSET;
  return Math.max(moment, from + 10 * 60_000);
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function weighted<T>(random: () => number, items: readonly (readonly [T, number])[]): T {
  let r = random() * items.reduce((sum, [, w]) => sum + w, 0);
  for (const [item, w] of items) if ((r -= w) < 0) return item;
  return items[items.length - 1]![0];
}

async function staffOf(db: Db): Promise<Staff> {
  const rows = await db.staffUser.findMany({
    where: { username: { in: ["sekretariat", "telaah", "kadis", "audit"] }, active: true },
    select: { id: true, username: true, roles: true },
  });
  const byName = new Map(
    rows.map((r) => [r.username, { id: r.id, username: r.username, roles: effectiveRoles(r.roles) }]),
  );
  const get = (username: keyof Staff) => {
    const actor = byName.get(username);
    if (!actor)
      throw new SeedRefusedError(
        `The sample office year needs the demo account "${username}": run \`npm run db:seed\` first.`,
      );
    return actor;
  };
  return { sekretariat: get("sekretariat"), telaah: get("telaah"), kadis: get("kadis"), audit: get("audit") };
}

/**
 * Plans one case: when it arrives and how far it gets before `now`, as a list of timed actions.
 * Each step takes a few working days; a case may stall at a step (it is then overdue), wait
 * for the reporter, or be escalated.
 */
function planCase(
  db: Db,
  o: Required<Pick<OfficeYearOptions, "masterKey" | "trackingKey">>,
  staff: Staff,
  random: () => number,
  receivedAt: number,
  now: number,
  state: CaseState,
): Action[] {
  const actions: Action[] = [];
  const ctx = (who: StaffActor, at: number): StaffContext => ({
    staff: who,
    masterKey: o.masterKey,
    now: new Date(at),
  });
  const category = weighted(random, CATEGORY_WEIGHTS);
  const sample = pick(random, SAMPLE_REPORTS[category]);
  const involvesLeadership = random() < 0.07;
  const portal = random() < 0.7;
  const confidential = random() < 0.3;
  const local = new Date(receivedAt + OFFICE_UTC_OFFSET);
  const report = reportSchema.parse({
    category,
    content: {
      what: sample.what,
      persons: [sample.person],
      where: sample.where,
      when: `${MONTHS_ID[local.getUTCMonth()]} ${local.getUTCFullYear()}`,
      how: sample.how,
      evidence: "",
      witnesses: "",
    },
    identityMode: confidential ? IdentityMode.CONFIDENTIAL : IdentityMode.ANONYMOUS,
    identity: confidential ? { name: "Pelapor Contoh", contact: "0812-0000-0000" } : undefined,
    involvesLeadership,
  });
  const caseId = () => state.id!;
  const reporter = async (at: number) => {
    const session = await openReporterSession(db, o.trackingKey, state.trackingCode!, new Date(at));
    const who = session.ok ? await resumeReporterSession(db, session.token, new Date(at)) : null;
    if (!who) throw new Error("sample reporter could not sign in");
    return who;
  };

  // Step 1: the portal, or the Sekretariat's intake of an offline report.
  actions.push({
    at: receivedAt,
    run: async () => {
      if (portal) {
        const receipt = await submitPortalReport(
          db,
          o,
          { report, files: [], idempotencyKey: randomToken() },
          new Date(receivedAt),
        );
        const row = await db.case.findUniqueOrThrow({ where: { reference: receipt.reference }, select: { id: true } });
        Object.assign(state, { id: row.id, reference: receipt.reference, trackingCode: receipt.trackingCode });
      } else {
        const channel = pick(random, OFFLINE_CHANNELS);
        const created = await intakeOfflineReport(
          db,
          { ...ctx(staff.sekretariat, receivedAt), trackingKey: o.trackingKey },
          {
            idempotencyKey: randomToken(),
            channel,
            receivedAt: new Date(receivedAt),
            report,
            wantsTrackingCode: random() < 0.5,
          },
        );
        Object.assign(state, { id: created.id, reference: created.reference, trackingCode: created.trackingCode });
      }
    },
  });

  // Each later step: a few working days on, unless the case stalls there or "now" comes first.
  let t = receivedAt;
  // About one case in six stalls somewhere and is overdue there.
  const stallChance = 0.015;
  const step = (minDays: number, spread: number, run: (at: number) => Promise<void>): boolean => {
    if (random() < stallChance) return false;
    const at = workingMoment(t, minDays + Math.floor(random() * spread), random);
    if (at >= now - HOUR) return false;
    t = at;
    actions.push({ at, run: () => run(at) });
    return true;
  };

  if (
    !step(0, 2, (at) =>
      recordCase(db, ctx(staff.sekretariat, at), { caseId: caseId(), subject: TEXTS.subject(sample.what) }).then(
        () => undefined,
      ),
    )
  )
    return actions;

  if (portal && random() < 0.25) {
    // A short exchange with the reporter while the case is reviewed.
    if (
      !step(1, 2, (at) =>
        sendStaffMessage(db, ctx(staff.telaah, at), { caseId: caseId(), body: TEXTS.staffMessage }).then(
          () => undefined,
        ),
      )
    )
      return actions;
    if (
      !step(0, 3, async (at) =>
        sendReporterMessage(
          db,
          o.masterKey,
          await reporter(at),
          { body: TEXTS.reporterMessage, files: [], idempotencyKey: randomToken() },
          new Date(at),
        ),
      )
    )
      return actions;
  }

  const elements = { what: true, who: true, where: true, when: true, how: true };
  const review = { isComplete: true, inScope: true, elements, summary: TEXTS.reviewSummary, notes: "" };
  if (involvesLeadership) {
    const escalated = step(1, 4, (at) =>
      reviewCase(db, ctx(staff.telaah, at), {
        caseId: caseId(),
        ...review,
        decision: { recommendation: "ESCALATE", reason: "LEADERSHIP_INVOLVED", explanation: TEXTS.escalation },
      }),
    );
    if (escalated) step(3, 10, (at) => archiveCase(db, ctx(staff.sekretariat, at), { caseId: caseId(), note: "" }));
    return actions;
  }
  if (portal && random() < 0.12) {
    // Tim Telaah asks the reporter first; the clock pauses until the answer.
    if (
      !step(1, 3, (at) =>
        reviewCase(db, ctx(staff.telaah, at), {
          caseId: caseId(),
          ...review,
          isComplete: false,
          decision: { recommendation: "REQUEST_INFO", question: TEXTS.question },
        }),
      )
    )
      return actions;
    if (random() < 0.25) return actions; // still waiting for the answer
    if (
      !step(1, 6, async (at) =>
        sendReporterMessage(
          db,
          o.masterKey,
          await reporter(at),
          { body: TEXTS.answer, files: [], idempotencyKey: randomToken() },
          new Date(at),
        ),
      )
    )
      return actions;
  }
  if (
    !step(1, 4, (at) =>
      reviewCase(db, ctx(staff.telaah, at), { caseId: caseId(), ...review, decision: { recommendation: "FORWARD" } }),
    )
  )
    return actions;

  // Step 4: the meeting is convened for a day or two later and held then.
  let meetingAt = 0;
  const convened = step(1, 3, async (at) => {
    const attendees = [
      { staffUserId: staff.kadis.id, role: "CHAIR" as const },
      { staffUserId: staff.telaah.id, role: "MEMBER" as const },
      { staffUserId: staff.audit.id, role: "MEMBER" as const },
    ];
    const { meetingId } = await conveneMeeting(db, ctx(staff.kadis, at), {
      caseId: caseId(),
      startsAt: new Date(meetingAt),
      place: TEXTS.meetingPlace,
      agenda: TEXTS.meetingAgenda,
      attendees,
    });
    state.meetingId = meetingId;
  });
  if (!convened) return actions;
  meetingAt = workingMoment(t, 1 + Math.floor(random() * 2), random);
  if (meetingAt + 2 * HOUR >= now - HOUR) return actions;
  const heldFrom = meetingAt;
  t = meetingAt + 90 * 60_000;
  if (
    !step(0, 1, (at) =>
      recordMeetingOutcome(db, ctx(staff.audit, at), {
        caseId: caseId(),
        meetingId: state.meetingId!,
        discussion: TEXTS.discussion,
        resolution: TEXTS.resolution,
        heldFrom: new Date(heldFrom),
        endsAt: new Date(heldFrom + 90 * 60_000),
      }),
    )
  )
    return actions;

  // Step 5: the Berita Acara, drafted by Tim Audit, signed by the Kepala Dinas.
  if (
    !step(1, 2, (at) =>
      saveDraft(db, ctx(staff.audit, at), {
        caseId: caseId(),
        type: LetterType.BERITA_ACARA,
        content: { considerations: TEXTS.considerations, decisions: TEXTS.decisions },
        submit: true,
      }),
    )
  )
    return actions;
  if (
    !step(0, 2, (at) =>
      decideDraft(db, ctx(staff.kadis, at), { caseId: caseId(), type: LetterType.BERITA_ACARA, approve: true }),
    )
  )
    return actions;

  // Step 6: the Tanggapan, approved, then sent.
  if (
    !step(1, 2, (at) =>
      saveDraft(db, ctx(staff.sekretariat, at), {
        caseId: caseId(),
        type: LetterType.TANGGAPAN,
        content: { body: TEXTS.response },
        submit: true,
      }),
    )
  )
    return actions;
  if (
    !step(0, 2, (at) =>
      decideDraft(db, ctx(staff.kadis, at), { caseId: caseId(), type: LetterType.TANGGAPAN, approve: true }),
    )
  )
    return actions;
  const method = () =>
    state.trackingCode
      ? DeliveryMethod.PORTAL
      : pick(random, [DeliveryMethod.POST, DeliveryMethod.EMAIL, DeliveryMethod.IN_PERSON]);
  if (
    !step(0, 2, (at) =>
      sendResponse(db, ctx(staff.sekretariat, at), { caseId: caseId(), method: method() }).then(() => undefined),
    )
  )
    return actions;

  // Step 7: the reporter acknowledges on the portal, or the Sekretariat records the delivery.
  const received = step(1, 4, async (at) => {
    if (state.trackingCode) await acknowledgeResponse(db, await reporter(at), new Date(at));
    else await recordDelivery(db, ctx(staff.sekretariat, at), { caseId: caseId(), note: TEXTS.delivery });
  });
  if (!received) return actions;
  // Step 8.
  step(1, 5, (at) => archiveCase(db, ctx(staff.sekretariat, at), { caseId: caseId(), note: "" }));
  return actions;
}

/** Adds the sample office year (see the file's comment). */
export async function seedOfficeYear(db: Db, options: OfficeYearOptions): Promise<OfficeYearResult> {
  const log = options.log ?? console.log;
  if (options.isProduction)
    throw new SeedRefusedError("Sample data is for demonstrations only; refused with NODE_ENV=production.");
  if (await sampleDataMark(db)) {
    log("Sample office year: already present, nothing added.");
    return { created: 0, alreadyPresent: true };
  }
  if ((await db.case.count()) > 0)
    throw new SeedRefusedError(
      "The database already holds reports: sample data is added only to an office without any, so it is never mixed with real reports.",
    );
  const staff = await staffOf(db);
  const now = (options.now ?? new Date()).getTime();
  const count = options.cases ?? 150;
  const random = seededRandom(options.seed ?? 2026);
  const states: CaseState[] = [];
  const actions: Action[] = [];
  for (let i = 0; i < count; i++) {
    // Half spread evenly, half leaning to recent months: the office is used more as it becomes known.
    const u = random();
    const ageDays = random() < 0.5 ? u * 360 : (1 - Math.sqrt(u)) * 360;
    const receivedAt = workingMoment(now - Math.max(ageDays, 0.5) * DAY, 0, random);
    if (receivedAt >= now - 2 * HOUR) continue;
    const state: CaseState = {};
    states.push(state);
    actions.push(...planCase(db, options, staff, random, receivedAt, now, state));
  }
  actions.sort((a, b) => a.at - b.at);
  let done = 0;
  for (const action of actions) {
    await action.run();
    if (++done % 200 === 0) log(`  ${done} of ${actions.length} actions…`);
  }
  const caseIds = states.flatMap((s) => (s.id ? [s.id] : []));
  const value = { seededAt: new Date(now).toISOString(), caseIds } as Prisma.InputJsonValue;
  await db.setting.create({ data: { key: SAMPLE_DATA_KEY, value } });
  log(`Sample office year: ${caseIds.length} cases, ${actions.length} actions.`);
  return { created: caseIds.length, alreadyPresent: false };
}
