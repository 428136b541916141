/**
 * Notifications end to end on a real database and a real SMTP server: who is told about what,
 * what the email says (and does not say), and delivery through an outage and concurrent senders.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffPrincipal } from "../../auth/staff-session.ts";
import { NotificationKind } from "../../generated/prisma/enums.ts";
import { env } from "../../env.ts";
import { seedDemoStaff } from "../../testing/demo-staff.ts";
import { submitSampleCase } from "../../testing/sample-case.ts";
import { SmtpSink } from "../../testing/smtp-sink.ts";
import { openTestDb, type TestDbHandle } from "../../testing/test-db.ts";
import { recordCase, reviewCase } from "../cases/workflow.ts";
import { notifyDeadlines } from "./deadlines.ts";
import { queueDigests } from "./digest.ts";
import { enqueueEmail, notifyCase } from "./notify.ts";
import { saveSmtp, smtpForAdmin } from "./notification-settings.ts";
import { sendOutbox } from "./outbox-sender.ts";
import { sendTestEmail } from "./test-email.ts";

const BASE = "https://wbs.example.go.id";
const HOUR = 3_600_000;

describe("notifications", () => {
  let handle: TestDbHandle;
  let users: Record<string, StaffPrincipal>;
  const sink = new SmtpSink({ user: "lentera", pass: "rahasia-smtp-123" });
  const masterKey = () => env().secrets.masterKey;
  const ctx = (who: string, now = new Date()) => ({
    staff: { id: users[who]!.id, username: who, roles: users[who]!.roles },
    masterKey: masterKey(),
    now,
  });
  const send = (now = new Date()) => sendOutbox(handle.db, { masterKey: masterKey(), baseUrl: BASE, now });
  const notices = (caseId: string) =>
    handle.db.notification.findMany({ where: { caseId }, include: { user: { select: { username: true } } } });
  const who = (rows: { user: { username: string } }[]) => rows.map((r) => r.user.username).sort();

  beforeAll(async () => {
    handle = await openTestDb();
    users = await seedDemoStaff(handle.db);
    for (const u of Object.keys(users))
      await handle.db.staffUser.update({ where: { id: users[u]!.id }, data: { email: `${u}@dinas.example` } });
    await sink.start(0);
    // The first letter of a process loads the PDF fonts, which can outlast a transaction's 5 s on a
    // loaded machine; render one here so the tests time the notices, not the font loading.
    const warm = await submitSampleCase(handle.db);
    await recordCase(handle.db, ctx("sekretariat"), { caseId: warm.caseId }).catch(() => undefined);
    await saveSmtp(handle.db, masterKey(), users.admin!.id, {
      enabled: true,
      host: "127.0.0.1",
      port: sink.port,
      tls: "none",
      user: "lentera",
      password: "rahasia-smtp-123",
      from: "wbs@dinas.example",
    });
  });
  afterAll(async () => {
    await sink.stop();
    await handle?.close();
  });

  it("keeps the SMTP password sealed and never shows it", async () => {
    const row = await handle.db.setting.findUniqueOrThrow({ where: { key: "notifications.smtp" } });
    expect(JSON.stringify(row.value)).not.toContain("rahasia-smtp-123");
    const view = await smtpForAdmin(handle.db);
    expect(view.hasPassword).toBe(true);
    expect(JSON.stringify(view)).not.toContain("rahasia-smtp-123");
    const audit = await handle.db.auditEntry.findMany({ where: { action: "setting.update" } });
    expect(JSON.stringify(audit.map((a) => a.detail))).not.toContain("rahasia");
  });

  it("sends Admin's test email through the server with the stored password", async () => {
    await handle.db.$executeRaw`DELETE FROM email_outbox`;
    const before = sink.received.length;
    expect(await sendTestEmail(handle.db, masterKey(), users.admin!.id, BASE)).toEqual({
      ok: true,
      to: "admin@dinas.example",
    });
    expect(sink.received.length).toBe(before + 1);
    expect(sink.received.at(-1)!.subject).toBe("[Lentera] Email uji");
  });

  it("tells the Sekretariat of a new report by email, with nothing of the report in it", async () => {
    const { caseId, reference } = await submitSampleCase(handle.db);
    expect(who(await notices(caseId))).toEqual(["sekretariat"]);
    const r = await send();
    expect(r.sent).toBe(1);
    const [mail] = await sink.waitFor((m) => m.subject.includes(reference));
    expect(mail!.to).toEqual(["sekretariat@dinas.example"]);
    expect(mail!.subject).toBe(`[Lentera] ${reference}: Laporan baru menunggu dicatat`);
    expect(mail!.text).toContain(`${BASE}/staff/kasus/${caseId}`);
    expect(mail!.text).toContain("Langkah: 2");
    expect(mail!.text).toMatch(/WIB/);
    // The sample report: its text, the person named, its category, the reporter's choices.
    for (const secret of ["Suap", "Pak X", "Kasi", "Loket", "Tunai", "BRIBERY", "Suap untuk", "ANONYMOUS", "Anonim"])
      expect(mail!.raw).not.toContain(secret);
    // Sent once: a second pass has nothing to send.
    expect((await send()).sent).toBe(0);
  });

  it("tells Tim Telaah when the case is recorded, not the excluded member, and not the one who recorded it", async () => {
    const { caseId } = await submitSampleCase(handle.db);
    const telaah2 = await handle.db.staffUser.create({
      data: {
        username: "telaah2",
        name: "Telaah Dua",
        position: "Staf",
        roles: ["TIM_TELAAH"],
        passwordHash: "x",
        email: "telaah2@dinas.example",
      },
    });
    await handle.db.caseExclusion.create({ data: { caseId, userId: telaah2.id } });
    await recordCase(handle.db, ctx("sekretariat"), { caseId });
    const handovers = (await notices(caseId)).filter((n) => n.kind === NotificationKind.HANDOVER);
    expect(who(handovers)).toEqual(["telaah"]);
    expect(handovers[0]!.step).toBe(3);
    await handle.db.staffUser.update({ where: { id: telaah2.id }, data: { active: false } });
  });

  it("escalation goes to the Pengawas; a leadership case never reaches the Kepala Dinas", async () => {
    const { caseId } = await submitSampleCase(handle.db, { involvesLeadership: true });
    await recordCase(handle.db, ctx("sekretariat"), { caseId });
    await reviewCase(handle.db, ctx("telaah"), {
      caseId,
      isComplete: true,
      inScope: true,
      elements: { what: true, who: true, where: true, when: true, how: true },
      summary: "ringkasan",
      notes: "",
      decision: { recommendation: "ESCALATE", reason: "LEADERSHIP_INVOLVED", explanation: "pimpinan" },
    });
    const escalated = (await notices(caseId)).filter((n) => n.status === "ESCALATED");
    expect(who(escalated)).toEqual(["pengawas", "sekretariat"]);
    // Even when a notice names the Kepala Dinas's role, the visibility rule keeps it away.
    const told = await handle.db.$transaction((tx) =>
      notifyCase(tx, {
        caseId,
        kind: NotificationKind.HANDOVER,
        roles: ["KEPALA_DINAS", "PENGAWAS"],
        userIds: [users.kadis!.id],
        now: new Date(),
      }),
    );
    expect(told).toEqual([users.pengawas!.id]);
  });

  it("due soon and overdue: once per step and kind, to the step's role and the Pengawas; muting spares all but overdue", async () => {
    const { caseId } = await submitSampleCase(handle.db);
    await handle.db.staffUser.update({
      where: { id: users.sekretariat!.id },
      data: { mutedNotificationKinds: ["DUE_SOON", "OVERDUE"] },
    });
    const step = await handle.db.stepRecord.findFirstOrThrow({ where: { caseId, step: 2 } });
    await handle.db.$executeRaw`DELETE FROM email_outbox`;
    const soon = new Date(step.dueAt.getTime() - 5 * 60_000);
    expect((await notifyDeadlines(handle.db, soon)).dueSoon).toBeGreaterThanOrEqual(1);
    expect((await notifyDeadlines(handle.db, soon)).dueSoon).toBe(0);
    const late = new Date(step.dueAt.getTime() + 60_000);
    await notifyDeadlines(handle.db, late);
    await notifyDeadlines(handle.db, new Date(late.getTime() + HOUR));
    const rows = (await notices(caseId)).filter((n) => n.kind === "DUE_SOON" || n.kind === "OVERDUE");
    expect(rows.map((r) => `${r.kind}:${r.user.username}`).sort()).toEqual([
      "DUE_SOON:pengawas",
      "DUE_SOON:sekretariat",
      "OVERDUE:pengawas",
      "OVERDUE:sekretariat",
    ]);
    const outbox = await handle.db.emailOutbox.findMany({ include: { user: { select: { username: true } } } });
    const emailed = outbox
      .filter((o) => (o.items as { caseId: string }[])[0]?.caseId === caseId)
      .map((o) => `${(o.items as { kind: string }[])[0]!.kind}:${o.user.username}`)
      .sort();
    // The muted "due soon" makes no email for the Sekretariat; "overdue" cannot be muted.
    expect(emailed).toEqual(["DUE_SOON:pengawas", "OVERDUE:pengawas", "OVERDUE:sekretariat"]);
    await handle.db.staffUser.update({ where: { id: users.sekretariat!.id }, data: { mutedNotificationKinds: [] } });
  });

  it("collects a digest member's notices into one email a day", async () => {
    await handle.db.staffUser.update({ where: { id: users.sekretariat!.id }, data: { emailDigest: true } });
    await handle.db.$executeRaw`DELETE FROM email_outbox`;
    // 06:00 WIB on a working day, before the 07:30 digest.
    const morning = new Date("2026-12-03T23:00:00Z");
    await submitSampleCase(handle.db);
    await submitSampleCase(handle.db);
    expect(await handle.db.emailOutbox.count({ where: { userId: users.sekretariat!.id } })).toBe(0);
    expect(await queueDigests(handle.db, morning)).toBe(0);
    const after = new Date("2026-12-04T01:00:00Z"); // 08:00 WIB
    expect(await queueDigests(handle.db, after)).toBe(1);
    expect(await queueDigests(handle.db, new Date(after.getTime() + HOUR))).toBe(0);
    const digest = await handle.db.emailOutbox.findFirstOrThrow({ where: { userId: users.sekretariat!.id } });
    expect((digest.items as unknown[]).length).toBeGreaterThanOrEqual(2);
    await send(after);
    const mail = await sink.waitFor((m) => m.subject.startsWith("[Lentera] Ringkasan notifikasi"));
    expect(mail[0]!.to).toEqual(["sekretariat@dinas.example"]);
    await handle.db.staffUser.update({ where: { id: users.sekretariat!.id }, data: { emailDigest: false } });
  });

  it("waits through an SMTP outage and then delivers every message exactly once", async () => {
    await handle.db.$executeRaw`DELETE FROM email_outbox`;
    const start = new Date();
    const ids: string[] = [];
    await handle.db.$transaction(async (tx) => {
      for (let i = 0; i < 5; i++)
        await enqueueEmail(
          tx,
          users.telaah!.id,
          [{ kind: "HANDOVER", caseId: null, reference: `OUT-${i}`, step: 3, dueAt: null }],
          start,
        );
    });
    for (const o of await handle.db.emailOutbox.findMany({ select: { id: true } })) ids.push(o.id);
    await sink.stop();
    const down = await send(start);
    expect(down).toMatchObject({ sent: 0, failed: 5 });
    const waiting = await handle.db.emailOutbox.findMany();
    expect(
      waiting.every(
        (o) => o.status === "PENDING" && o.attempts === 1 && o.nextAttemptAt > start && o.lastError !== null,
      ),
    ).toBe(true);
    expect(JSON.stringify(waiting.map((o) => o.lastError))).not.toContain("rahasia");
    // Not due yet: nothing is tried before the backoff ends.
    expect((await send(new Date(start.getTime() + 1_000))).failed).toBe(0);
    // Still down at the next attempt: the wait doubles.
    const second = await send(new Date(start.getTime() + 60_000));
    expect(second.failed).toBe(5);
    const backoff =
      (await handle.db.emailOutbox.findFirstOrThrow()).nextAttemptAt.getTime() - (start.getTime() + 60_000);
    expect(backoff).toBe(60_000);

    await sink.start(sink.port);
    const before = sink.received.length;
    const up = await send(new Date(start.getTime() + 2 * HOUR));
    expect(up).toMatchObject({ sent: 5, failed: 0 });
    expect((await send(new Date(start.getTime() + 3 * HOUR))).sent).toBe(0);
    const arrived = sink.received
      .slice(before)
      .map((m) => m.headers["x-lentera-outbox-id"])
      .sort();
    expect(arrived).toEqual([...ids].sort());
  });

  it("two concurrent senders never send one message twice", async () => {
    await handle.db.$executeRaw`DELETE FROM email_outbox`;
    const now = new Date();
    await handle.db.$transaction(async (tx) => {
      for (let i = 0; i < 30; i++)
        await enqueueEmail(
          tx,
          users.audit!.id,
          [{ kind: "HANDOVER", caseId: null, reference: `PAR-${i}`, step: 5, dueAt: null }],
          now,
        );
    });
    const before = sink.received.length;
    const runs = await Promise.all(
      [0, 1, 2].map(() => sendOutbox(handle.db, { masterKey: masterKey(), baseUrl: BASE, now, batch: 7 })),
    );
    // Whatever one pass left (batches are small), later passes finish.
    while ((await handle.db.emailOutbox.count({ where: { status: "PENDING" } })) > 0)
      await Promise.all([send(now), send(now)]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBeGreaterThan(0);
    const ids = sink.received.slice(before).map((m) => m.headers["x-lentera-outbox-id"]);
    expect(ids.length).toBe(30);
    expect(new Set(ids).size).toBe(30);
  });
});
