/**
 * One rule table: a role rule changed in server/domain/policy/rules.ts, and nothing else, changes
 * the tRPC procedures, the staff downloads, the intake server action, what the case page
 * offers, the staff's own queues and who is notified. Only the rule table is replaced (by a copy the tests
 * edit); the request's cookie and
 * headers and the database handle are stand-ins, everything else is the real stack.
 */
import { TRPCError } from "@trpc/server";
import { encode } from "next-auth/jwt";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "../../generated/prisma/enums.ts";

const request = vi.hoisted(() => ({ sessionToken: undefined as string | undefined, db: undefined as unknown }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) =>
      name === "next-auth.session-token" && request.sessionToken ? { name, value: request.sessionToken } : undefined,
    getAll: () => (request.sessionToken ? [{ name: "next-auth.session-token", value: request.sessionToken }] : []),
  }),
  headers: async () => new Headers({ host: "localhost:3105", "sec-fetch-site": "same-origin" }),
}));
vi.mock("../../db.ts", async (original) => ({
  ...(await original<typeof import("../../db.ts")>()),
  getDb: async () => request.db,
}));
// The rule table as written, in an object the tests may change.
vi.mock("./rules.ts", async (original) => {
  const real = await original<typeof import("./rules.ts")>();
  return { ...real, RULES: { ...real.RULES } };
});

const { RULES } = await import("./rules.ts");
const { openTestDb } = await import("../../testing/test-db.ts");
const { seedDemoStaff } = await import("../../testing/demo-staff.ts");
const { signedInClaims } = await import("../../testing/staff-claims.ts");
const { sampleReport, submitSampleCase } = await import("../../testing/sample-case.ts");
const { env } = await import("../../env.ts");
const { appRouter } = await import("../../routers/_app.ts");
const { createCallerFactory } = await import("../../trpc/init.ts");
const { agendaCsvResponse } = await import("../../http/staff/agenda-csv-response.ts");
const { agendaPdfResponse } = await import("../../http/staff/agenda-pdf-response.ts");
const { submitIntake } = await import("../../../app/[locale]/(staff)/staff/kasus/baru/actions.ts");

type Principal = Awaited<ReturnType<typeof seedDemoStaff>>[string];
let handle: Awaited<ReturnType<typeof openTestDb>>;
let users: Record<string, Principal>;
const rules = RULES as unknown as Record<keyof typeof RULES, readonly Role[]>;
const asWritten = { ...rules };

/** Change one rule of the table: grant `role` the permission, or take it away. */
function setRule(permission: keyof typeof RULES, role: Role, held: boolean) {
  rules[permission] = held ? [...new Set([...rules[permission], role])] : rules[permission].filter((r) => r !== role);
}

const api = (who: string) => createCallerFactory(appRouter)({ db: handle.db, staff: async () => users[who] ?? null });
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: unknown) => (e instanceof TRPCError ? e.code : `THREW ${String(e)}`),
  );
const year = new Date().getUTCFullYear();

beforeAll(async () => {
  handle = await openTestDb();
  request.db = handle.db;
  users = await seedDemoStaff(handle.db);
});
afterEach(() => Object.assign(rules, asWritten));
afterAll(() => handle?.close());

describe("a role rule changed in the policy's table", () => {
  it("opens the agenda books to Tim Audit in the procedure, the CSV and the PDF download", async () => {
    const before = [
      await outcome(api("audit").cases.agenda({ book: "PERMOHONAN", year })),
      (await agendaCsvResponse(handle.db, users.audit!, { book: "PERMOHONAN", year })).status,
    ];
    setRule("readAgenda", "TIM_AUDIT", true);
    const csv = await agendaCsvResponse(handle.db, users.audit!, { book: "PERMOHONAN", year });
    const pdf = await agendaPdfResponse(handle.db, users.audit!, { book: "PERMOHONAN", year });
    expect(before).toEqual(["FORBIDDEN", 403]);
    expect([await outcome(api("audit").cases.agenda({ book: "PERMOHONAN", year })), csv.status, pdf.status]).toEqual([
      "OK",
      200,
      200,
    ]);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    // Nobody signed in is still refused first.
    expect((await agendaCsvResponse(handle.db, null, { book: "PERMOHONAN", year })).status).toBe(401);
  });

  it("offers Tim Audit the exclusion on the case page and lets the procedure take it", async () => {
    const { caseId } = await submitSampleCase(handle.db);
    const exclude = () =>
      api("audit").cases.exclude({ caseId, userId: users.admin!.id, reason: "Disebut dalam laporan" });
    expect((await api("audit").cases.get({ caseId })).actions).not.toContain("exclude");
    expect(await outcome(exclude())).toBe("FORBIDDEN");

    setRule("excludeStaff", "TIM_AUDIT", true);
    expect((await api("audit").cases.get({ caseId })).actions).toContain("exclude");
    expect(await outcome(exclude())).toBe("OK");
    expect(await handle.db.caseExclusion.count({ where: { caseId, userId: users.admin!.id } })).toBe(1);
  });

  it("takes writing to the reporter away from the Sekretariat on the case page and in the procedure", async () => {
    const { caseId } = await submitSampleCase(handle.db);
    expect((await api("sekretariat").cases.get({ caseId })).actions).toEqual(["record", "message"]);

    setRule("writeToReporter", "SEKRETARIAT", false);
    expect((await api("sekretariat").cases.get({ caseId })).actions).toEqual(["record"]);
    expect(await outcome(api("sekretariat").cases.message({ caseId, body: "Mohon tambahkan bukti." }))).toBe(
      "FORBIDDEN",
    );
    expect(await handle.db.message.count({ where: { caseId } })).toBe(0);
  });

  it("hands escalated cases to the Kepala Dinas as well: the queue and the notices follow", async () => {
    const escalatedCase = async () => {
      const { caseId } = await submitSampleCase(handle.db);
      await api("sekretariat").cases.record({ caseId });
      await api("telaah").cases.review({
        caseId,
        isComplete: true,
        inScope: false,
        elements: { what: true, who: true, where: true, when: true, how: true },
        summary: "Di luar kewenangan dinas",
        decision: { recommendation: "ESCALATE", reason: "OUTSIDE_AUTHORITY", explanation: "Diteruskan ke Inspektorat" },
      });
      return caseId;
    };
    const queued = async (caseId: string) =>
      (await api("kadis").cases.list({ mine: true, pageSize: 100 })).rows.some((r) => r.id === caseId);
    const told = (caseId: string) =>
      handle.db.notification.count({ where: { caseId, userId: users.kadis!.id, status: "ESCALATED" } });
    const before = await escalatedCase();
    expect([await queued(before), await told(before)]).toEqual([false, 0]);

    setRule("receiveEscalations", "KEPALA_DINAS", true);
    const after = await escalatedCase();
    expect([await queued(after), await told(after)]).toEqual([true, 1]);
  });

  it("takes the offline intake away from the Sekretariat in the server action", async () => {
    const user = await handle.db.staffUser.findUniqueOrThrow({
      where: { id: users.sekretariat!.id },
      select: { id: true, sessionVersion: true },
    });
    const { uid, sv, sid } = await signedInClaims(handle.db, user);
    request.sessionToken = await encode({
      token: { uid, sv, sid, enrol: false },
      secret: env().secrets.sessionSecret,
      maxAge: 600,
    });
    const post = () => submitIntake({ kind: "form" } as never, intakeForm());
    const cases = () => handle.db.case.count();

    const allowed = await post();
    expect(allowed.kind).toBe("done");

    setRule("recordIntake", "SEKRETARIAT", false);
    const before = await cases();
    const refused = await post();
    expect(refused).toMatchObject({ kind: "form", failed: "forbidden" });
    expect(await cases()).toBe(before);
  });
});

/** The sample report as the intake form posts it: by phone, received an hour ago. */
function intakeForm(): FormData {
  const { category, identityMode, content } = sampleReport();
  const received = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Asia/Jakarta",
    dateStyle: "short",
    timeStyle: "short",
  })
    .format(new Date(Date.now() - 3_600_000))
    .replace(" ", "T");
  const { persons, ...text } = content;
  const fd = new FormData();
  for (const [k, v] of Object.entries({ channel: "PHONE", receivedAt: received, category, identityMode, ...text }))
    fd.append(k, String(v));
  for (const p of persons) {
    fd.append("personName", p.name);
    fd.append("personPosition", p.position ?? "");
  }
  return fd;
}
