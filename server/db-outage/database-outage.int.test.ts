/**
 * The database going away under a running app, for real: on PostgreSQL through a TCP proxy the
 * test cuts and restores (the server seems to die, then refuses connections), on PGlite by
 * closing the embedded database. Every kind of query fails with the one typed error naming the
 * driver's reason; the monitor logs one line when it goes and one when it is back; the same
 * client works again after the restore, without reopening anything.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDb, type DbHandle } from "../db.ts";
import { openTestDb, testBackend, type TestDbHandle } from "../testing/test-db.ts";
import { startPausableTcpProxy, type PausableTcpProxy } from "../testing/pausable-tcp-proxy.ts";
import { DatabaseUnavailableError } from "./unavailable-error.ts";
import { databaseOutage, resetDatabaseHealth, setDatabaseLabel } from "./health.ts";

const lines: { down: string[]; up: string[] } = { down: [], up: [] };
const capture = () => {
  lines.down = [];
  lines.up = [];
  resetDatabaseHealth({ down: (l) => lines.down.push(l), up: (l) => lines.up.push(l) });
};

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection");
}

async function until(check: () => boolean, ms: number) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}

let base: TestDbHandle;
beforeAll(async () => {
  base = await openTestDb();
});
afterAll(async () => {
  await base?.close();
});
afterEach(() => resetDatabaseHealth({ down: () => {}, up: () => {} }));

describe.runIf(testBackend() === "postgres")("PostgreSQL behind a cut connection", () => {
  let proxy: PausableTcpProxy;
  let app: DbHandle;

  beforeAll(async () => {
    const target = new URL(base.url!);
    proxy = await startPausableTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const through = new URL(base.url!);
    through.host = `127.0.0.1:${proxy.port}`;
    app = await openDb({ kind: "postgres", url: through.toString() }, { migrate: false });
  });
  afterAll(async () => {
    await app?.close();
    await proxy?.close();
  });

  it("types every failure, logs one line each way with the reason, and recovers without reopening", async () => {
    capture();
    setDatabaseLabel("PostgreSQL");
    expect(await app.db.staffUser.count()).toBeGreaterThanOrEqual(0);

    await proxy.cut();
    // An open connection dies under the first query, later ones are refused.
    const failures = [
      await rejection(app.db.$queryRaw`SELECT 1`),
      await rejection(app.db.staffUser.findMany()),
      await rejection(app.db.$transaction(async (tx) => tx.staffUser.count())),
      await rejection(app.db.$transaction([app.db.staffUser.count(), app.db.staffSession.count()])),
      await rejection(app.db.$queryRaw`SELECT 2`),
    ];
    for (const e of failures) expect(e).toBeInstanceOf(DatabaseUnavailableError);
    const reasons = failures.map((e) => (e as DatabaseUnavailableError).reason);
    expect(reasons.at(-1)).toBe(`ECONNREFUSED 127.0.0.1:${proxy.port}`);
    for (const r of reasons)
      expect(r).toMatch(/^(ECONNREFUSED 127\.0\.0\.1:\d+|Connection terminated unexpectedly|ECONNRESET.*)$/);

    expect(lines.down).toHaveLength(1);
    expect(lines.down[0]).toMatch(
      /^Lentera: database unavailable \(PostgreSQL\): (ECONNREFUSED 127\.0\.0\.1:\d+|Connection terminated unexpectedly|ECONNRESET.*); answering 503 until it is back$/,
    );
    expect(lines.up).toHaveLength(0);
    expect(databaseOutage()).not.toBeNull();

    await proxy.restore();
    // The probe notices without any request.
    await until(() => lines.up.length > 0, 15_000);
    expect(lines.up).toHaveLength(1);
    expect(lines.up[0]).toMatch(/^Lentera: database available again \(PostgreSQL\) after \d+ s$/);
    expect(databaseOutage()).toBeNull();
    expect(await app.db.staffUser.count()).toBeGreaterThanOrEqual(0);
    await app.db.$transaction(async (tx) => tx.staffUser.count());
    expect(lines.down).toHaveLength(1);
  });

  it("keeps other database errors what they are", async () => {
    capture();
    const e = await rejection(app.db.$queryRaw`SELECT * FROM no_such_table`);
    expect(e).not.toBeInstanceOf(DatabaseUnavailableError);
    expect(lines.down).toHaveLength(0);
  });

  it("names the real reason when PostgreSQL is down before the first connection", async () => {
    capture();
    const closed = await startPausableTcpProxy({ host: "127.0.0.1", port: 5432 });
    const url = new URL(base.url!);
    url.host = `127.0.0.1:${closed.port}`;
    await closed.cut();
    const e = await rejection(openDb({ kind: "postgres", url: url.toString() }, { migrate: true }));
    await closed.close();
    expect(e).toBeInstanceOf(DatabaseUnavailableError);
    expect((e as DatabaseUnavailableError).reason).toBe(`ECONNREFUSED 127.0.0.1:${closed.port}`);
  });
});

describe.runIf(testBackend() === "pglite")("embedded PGlite closed under the app", () => {
  it("types the failure as unavailable and logs it once", async () => {
    capture();
    setDatabaseLabel("embedded PGlite");
    const own = await openTestDb();
    expect(await own.db.staffUser.count()).toBeGreaterThanOrEqual(0);
    await own.pglite!.close();
    const first = await rejection(own.db.staffUser.count());
    const second = await rejection(own.db.$queryRaw`SELECT 1`);
    expect(first).toBeInstanceOf(DatabaseUnavailableError);
    expect(second).toBeInstanceOf(DatabaseUnavailableError);
    expect((first as DatabaseUnavailableError).reason).toMatch(/closed/i);
    expect(lines.down).toEqual([
      `Lentera: database unavailable (embedded PGlite): ${(first as DatabaseUnavailableError).reason}; answering 503 until it is back`,
    ]);
    await own.db.$disconnect().catch(() => {});
  });
});
