import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseBytea, withFastByteaReads } from "./pglite-bytea.ts";
import { openTestDb, testBackend, type TestDbHandle } from "./testing/test-db.ts";

const samples = () => [
  new Uint8Array(0),
  Uint8Array.from([0, 1, 15, 16, 92, 120, 255]),
  new Uint8Array(randomBytes(70_000)),
  new Uint8Array(randomBytes(64).buffer, 8, 40),
];

describe("bytea codec", () => {
  it("reads PostgreSQL's hex text of any bytes", () => {
    for (const bytes of samples())
      expect(parseBytea(`\\x${Buffer.from(bytes).toString("hex")}`)).toEqual(new Uint8Array(bytes));
  });

  it("installs the adapter's parsers once (bytea swapped), in queries and inside transactions, and sends queries without them", async () => {
    const seen: unknown[] = [];
    const slow = () => "slow";
    const client = {
      parsers: { 25: slow } as Record<number, unknown>,
      query: async (_sql: string, _params: unknown[], options: unknown) => void seen.push(options),
      transaction: async (fn: (tx: object) => Promise<unknown>) => fn({ query: client.query }),
      exec: async () => "exec",
    };
    const wrapped = withFastByteaReads(client);
    const adapterParsers = { 17: slow, 1184: slow };
    await wrapped.query("select 1", [], { rowMode: "array", parsers: adapterParsers });
    await wrapped.transaction(async (tx) =>
      (tx as typeof client).query("select 2", [], { rowMode: "array", parsers: adapterParsers }),
    );
    await wrapped.query("select 3", [], undefined);
    expect(seen).toEqual([{ rowMode: "array" }, { rowMode: "array" }, undefined]);
    expect(client.parsers).toEqual({ 17: parseBytea, 25: slow, 1184: slow });
    expect(adapterParsers[17]).toBe(slow); // the adapter's own object is left as it was
    expect(await wrapped.exec()).toBe("exec");
  });
});

describe("bytea through Prisma", () => {
  let handle: TestDbHandle;
  beforeAll(async () => {
    handle = await openTestDb();
  });
  afterAll(() => handle?.close());

  it.runIf(testBackend() === "pglite")(
    "sends bytea parameters to PGlite as bytes, stored exactly (none, a backslash, a view into a larger buffer)",
    async () => {
      for (const bytes of samples()) {
        const { rows } = await handle.pglite!.query<{ n: number; hex: string }>(
          "SELECT length($1::bytea) AS n, encode($1::bytea, 'hex') AS hex",
          [bytes],
        );
        expect(rows[0]).toEqual({ n: bytes.length, hex: Buffer.from(bytes).toString("hex") });
      }
    },
  );

  it(`stores and reads back 3 MB exactly (${testBackend()})`, async () => {
    const bytes = new Uint8Array(randomBytes(3 * 1024 * 1024));
    const [direct] = await handle.db.$queryRaw<{ b: Uint8Array }[]>`SELECT ${bytes}::bytea AS b`;
    expect(Buffer.from(direct!.b).equals(Buffer.from(bytes))).toBe(true);
    const inTx = await handle.db.$transaction(
      async (tx) =>
        (
          await tx.$queryRaw<{ n: number; b: Uint8Array }[]>`SELECT length(${bytes}::bytea) AS n, ${bytes}::bytea AS b`
        )[0]!,
    );
    expect(Number(inTx.n)).toBe(bytes.length);
    expect(Buffer.from(inTx.b).equals(Buffer.from(bytes))).toBe(true);
  });
});
