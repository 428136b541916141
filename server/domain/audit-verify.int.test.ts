import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type TestDbHandle } from "../testing/test-db.ts";
import { appendAudit } from "./audit.ts";
import { BROKEN_HASH, BROKEN_LINK, describeVerifyResult, verifyAuditChain } from "./audit-verify.ts";

let handle: TestDbHandle;
const at = (minute: number) => new Date(Date.UTC(2026, 10, 27, 2, minute, 0, 123));

async function append(n: number, from = 0) {
  for (let i = from; i < from + n; i++) {
    await handle.db.$transaction((tx) =>
      appendAudit(tx, {
        actorId: i % 3 === 0 ? null : "0195f3c2-0000-7000-8000-00000000000" + (i % 10),
        actorLabel: i % 3 === 0 ? "system" : `user${i}`,
        action: i % 2 ? "user.update" : "setting.update",
        target: `setting:office.hours`,
        // Keys out of order and nested: jsonb reorders keys, the verifier must not care.
        detail: { z: i, a: { y: [1, "dua", null], b: true }, fields: ["days.1"] },
        ipAddress: i % 4 === 0 ? "10.0.0.7" : null,
        at: at(i),
      }),
    );
  }
}

async function ids(): Promise<bigint[]> {
  return (await handle.db.auditEntry.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map((r) => r.id);
}

beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle?.close());

describe("verifyAuditChain", () => {
  it("accepts an empty trail and an intact chain, across batch boundaries", async () => {
    expect(await verifyAuditChain(handle.db)).toEqual({ ok: true, count: 0 });
    await append(7);
    expect(await verifyAuditChain(handle.db)).toEqual({ ok: true, count: 7 });
    // Batches of 3 and 7: the link between batches is checked like any other.
    expect(await verifyAuditChain(handle.db, { batchSize: 3 })).toEqual({ ok: true, count: 7 });
    expect(await verifyAuditChain(handle.db, { batchSize: 7 })).toEqual({ ok: true, count: 7 });
    expect(describeVerifyResult({ ok: true, count: 7 })).toBe("Audit trail OK: 7 entries");
  });

  it("names exactly the row whose action or detail was changed", async () => {
    const [, , third, fourth] = await ids();
    await handle.db.$executeRawUnsafe(`UPDATE audit_entries SET action = 'user.create' WHERE id = $1`, third);
    for (const batchSize of [2, 1000]) {
      expect(await verifyAuditChain(handle.db, { batchSize })).toEqual({
        ok: false,
        count: 3,
        firstBroken: { id: third, reason: BROKEN_HASH },
      });
    }
    await handle.db.$executeRawUnsafe(`UPDATE audit_entries SET action = 'setting.update' WHERE id = $1`, third);
    expect(await verifyAuditChain(handle.db)).toEqual({ ok: true, count: 7 });

    await handle.db.$executeRawUnsafe(
      `UPDATE audit_entries SET detail = jsonb_set(detail, '{z}', '99') WHERE id = $1`,
      fourth,
    );
    const broken = await verifyAuditChain(handle.db);
    expect(broken).toEqual({ ok: false, count: 4, firstBroken: { id: fourth, reason: BROKEN_HASH } });
    expect(describeVerifyResult(broken)).toBe(`Audit trail BROKEN at entry #${fourth}: ${BROKEN_HASH}`);
    await handle.db.$executeRawUnsafe(
      `UPDATE audit_entries SET detail = jsonb_set(detail, '{z}', '3') WHERE id = $1`,
      fourth,
    );
    expect(await verifyAuditChain(handle.db)).toEqual({ ok: true, count: 7 });
  });

  it("detects a changed timestamp or actor", async () => {
    const [first, second] = await ids();
    await handle.db.$executeRawUnsafe(
      `UPDATE audit_entries SET created_at = created_at + interval '1 millisecond' WHERE id = $1`,
      first,
    );
    expect(await verifyAuditChain(handle.db)).toMatchObject({
      ok: false,
      firstBroken: { id: first, reason: BROKEN_HASH },
    });
    await handle.db.$executeRawUnsafe(
      `UPDATE audit_entries SET created_at = created_at - interval '1 millisecond' WHERE id = $1`,
      first,
    );
    await handle.db.$executeRawUnsafe(`UPDATE audit_entries SET actor_label = 'someone-else' WHERE id = $1`, second);
    expect(await verifyAuditChain(handle.db)).toMatchObject({
      ok: false,
      firstBroken: { id: second, reason: BROKEN_HASH },
    });
    await handle.db.$executeRawUnsafe(`UPDATE audit_entries SET actor_label = 'user1' WHERE id = $1`, second);
    expect(await verifyAuditChain(handle.db)).toEqual({ ok: true, count: 7 });
  });

  it("detects a deleted row as a broken link at the next entry, and a deleted first row too", async () => {
    const [first, second, , , fifth, sixth] = await ids();
    await handle.db.$executeRawUnsafe(`DELETE FROM audit_entries WHERE id = $1`, fifth);
    expect(await verifyAuditChain(handle.db)).toEqual({
      ok: false,
      count: 5,
      firstBroken: { id: sixth, reason: BROKEN_LINK },
    });
    expect(await verifyAuditChain(handle.db, { batchSize: 4 })).toEqual({
      ok: false,
      count: 5,
      firstBroken: { id: sixth, reason: BROKEN_LINK },
    });

    await handle.db.$executeRawUnsafe(`DELETE FROM audit_entries WHERE id = $1`, first);
    expect(await verifyAuditChain(handle.db)).toEqual({
      ok: false,
      count: 1,
      firstBroken: { id: second, reason: BROKEN_LINK },
    });
  });

  it("keeps one unbroken chain when many writers append at once, inside and outside transactions", async () => {
    await handle.db.auditEntry.deleteMany();
    // On PostgreSQL these run on separate pool connections; a writer that read a stale last
    // hash would fork the chain (two rows with one prev_hash, which the unique index refuses).
    const writes = Array.from({ length: 40 }, (_, i) => {
      const entry = {
        actorLabel: "system",
        action: "letter.download",
        target: `letter:${i}`,
        detail: { i },
        at: at(i % 60),
      };
      return i % 2 ? appendAudit(handle.db, entry) : handle.db.$transaction((tx) => appendAudit(tx, entry));
    });
    await Promise.all(writes);
    expect(await verifyAuditChain(handle.db)).toEqual({ ok: true, count: 40 });
  });

  it("appends nothing when the surrounding transaction fails", async () => {
    const before = await handle.db.auditEntry.count();
    await expect(
      handle.db.$transaction(async (tx) => {
        await appendAudit(tx, { actorLabel: "system", action: "setting.update", at: at(1) });
        throw new Error("the step failed after auditing");
      }),
    ).rejects.toThrow("the step failed");
    expect(await handle.db.auditEntry.count()).toBe(before);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });
  });
});
