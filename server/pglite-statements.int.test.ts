import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { byteaSerializers } from "./pglite-bytea.ts";
import { MAX_PREPARED_STATEMENTS, withPreparedStatements } from "./pglite-statements.ts";
import { openTestDb, testBackend, type TestDbHandle } from "./testing/test-db.ts";

describe("prepared statements on PGlite", () => {
  let raw: PGlite;
  let pg: PGlite;
  const prepared = async () =>
    Number((await raw.query<{ n: string }>("SELECT count(*) AS n FROM pg_prepared_statements")).rows[0]!.n);

  beforeAll(async () => {
    raw = new PGlite({ serializers: byteaSerializers });
    await raw.waitReady;
    await raw.exec(`
      CREATE TYPE mood AS ENUM ('calm', 'busy');
      CREATE TABLE t (id int PRIMARY KEY, name text, at timestamptz, tags text[], data bytea, mood mood, ok boolean);`);
    pg = withPreparedStatements(raw);
  });
  afterAll(() => raw?.close());

  it("answers as query() does: values of every type, arrays, nulls, bytes, row mode", async () => {
    const row = [
      1,
      "ä'b",
      new Date("2026-12-03T07:00:00.123Z"),
      ["x", "y z"],
      Uint8Array.from([0, 92, 255]),
      "busy",
      true,
    ];
    const insert = "INSERT INTO t VALUES ($1, $2, $3, $4, $5, $6, $7)";
    expect((await pg.query(insert, row)).affectedRows).toBe(1);
    expect((await pg.query(insert, [2, null, null, null, null, null, null])).affectedRows).toBe(1);
    for (const options of [undefined, { rowMode: "array" as const }]) {
      const sql = "SELECT * FROM t WHERE id = ANY($1) ORDER BY id";
      const mine = await pg.query(sql, [[1, 2]], options);
      const theirs = await raw.query(sql, [[1, 2]], options);
      expect(mine.rows).toEqual(theirs.rows);
      expect(mine.fields).toEqual(theirs.fields);
    }
    const { rows } = await pg.query<{ n: number }>("SELECT count(*)::int AS n FROM t WHERE name IS NULL");
    expect(rows).toEqual([{ n: 1 }]);
  });

  it("prepares each text once and runs it again from there", async () => {
    const before = await prepared();
    for (let id = 0; id < 20; id++) await pg.query("SELECT name FROM t WHERE id = $1", [id]);
    expect(await prepared()).toBe(before + 1);
  });

  it("passes errors on as query() does and keeps working after them", async () => {
    const insert = "INSERT INTO t (id, name) VALUES ($1, $2)";
    const failed = await pg.query(insert, [1, "again"]).catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: "23505" });
    expect((await pg.query(insert, [3, "three"])).affectedRows).toBe(1);
    await expect(pg.query("SELEC nothing")).rejects.toMatchObject({ code: "42601" });
    expect((await pg.query<{ one: number }>("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
  });

  it("runs inside transactions, which roll back as before while their statements stay prepared", async () => {
    const sql = "INSERT INTO t (id, name) VALUES ($1, 'tx')";
    await expect(
      pg.transaction(async (tx) => {
        await tx.query(sql, [10]);
        expect((await tx.query("SELECT id FROM t WHERE id = $1", [10])).rows).toEqual([{ id: 10 }]);
        throw new Error("undo");
      }),
    ).rejects.toThrow("undo");
    expect((await pg.query("SELECT id FROM t WHERE id = $1", [10])).rows).toEqual([]);
    await pg.transaction(async (tx) => {
      await tx.query(sql, [11]);
    });
    expect((await pg.query("SELECT id FROM t WHERE id = $1", [11])).rows).toEqual([{ id: 11 }]);
    // An error inside a transaction ends it, as it did.
    await expect(
      pg.transaction(async (tx) => {
        await tx.query(sql, [11]);
      }),
    ).rejects.toMatchObject({ code: "23505" });
    expect((await pg.query("SELECT count(*)::int AS n FROM t WHERE name = 'tx'")).rows).toEqual([{ n: 1 }]);
  });

  it("a query outside a transaction waits for the open transaction", async () => {
    const order: string[] = [];
    const tx = pg.transaction(async (t) => {
      await t.query("INSERT INTO t (id, name) VALUES (20, 'late')");
      await new Promise((r) => setTimeout(r, 30));
      order.push("tx done");
    });
    const read = pg.query("SELECT name FROM t WHERE id = $1", [20]).then((r) => {
      order.push("read");
      return r.rows;
    });
    await tx;
    expect(await read).toEqual([{ name: "late" }]);
    expect(order).toEqual(["tx done", "read"]);
  });

  it("prepares a statement afresh when its result changed under it (a migration)", async () => {
    await pg.query("SELECT * FROM t WHERE id = $1", [1]);
    await raw.exec("ALTER TABLE t ADD COLUMN extra int DEFAULT 7");
    const { rows } = await pg.query<{ extra: number }>("SELECT * FROM t WHERE id = $1", [1]);
    expect(rows[0]!.extra).toBe(7);
  });

  it(`keeps at most ${MAX_PREPARED_STATEMENTS} statements, the least recently used closed first`, async () => {
    const kept = "SELECT name FROM t WHERE id = 1 AND $1::int = 1";
    await pg.query(kept, [1]);
    for (let i = 0; i < MAX_PREPARED_STATEMENTS + 20; i++) {
      await pg.query(`SELECT ${i} AS n`);
      if (i % 50 === 0) await pg.query(kept, [1]);
    }
    expect(await prepared()).toBe(MAX_PREPARED_STATEMENTS);
    const names = await raw.query<{ statement: string }>("SELECT statement FROM pg_prepared_statements");
    expect(names.rows.map((r) => r.statement)).toContain(kept);
    expect(names.rows.map((r) => r.statement)).not.toContain("SELECT 0 AS n");
  });
});

describe("prepared statements through Prisma", () => {
  let handle: TestDbHandle;
  beforeAll(async () => {
    handle = await openTestDb();
  });
  afterAll(() => handle?.close());

  it.runIf(testBackend() === "pglite")("are what the application's client uses on the embedded database", async () => {
    await handle.db.staffUser.findMany({ where: { active: true }, select: { id: true } });
    const { rows } = await handle.pglite!.query<{ statement: string }>("SELECT statement FROM pg_prepared_statements");
    expect(rows.some((r) => r.statement.includes(`FROM "public"."staff_users"`))).toBe(true);
  });
});
