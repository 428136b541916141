/**
 * Each secret is checked against the value the database recorded at its first start: a wrong
 * one, or secrets generated afresh on a database that holds data, refuse the start.
 */
import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { env, type SecretName, type Secrets } from "../env.ts";
import { openTestDb, type TestDbHandle } from "../testing/test-db.ts";
import { submitSampleCase } from "../testing/sample-case.ts";
import { checkSecrets, SecretCheckError, secretCheckValue, type SecretsToCheck } from "./secret-check.ts";

const NAMES: SecretName[] = ["LENTERA_MASTER_KEY", "LENTERA_TRACKING_KEY", "NEXTAUTH_SECRET"];
const FIELD = {
  LENTERA_MASTER_KEY: "masterKey",
  LENTERA_TRACKING_KEY: "trackingKey",
  NEXTAUTH_SECRET: "sessionSecret",
} as const;

let handle: TestDbHandle;
beforeEach(async () => {
  handle = await openTestDb();
});
afterEach(async () => {
  await handle?.close();
});

/** The secrets the test process writes data with (vitest.config.ts), or one of them replaced. */
function inUse(overrides: Partial<SecretsToCheck> = {}, replace?: SecretName): SecretsToCheck {
  const secrets: Secrets = { ...env().secrets };
  if (replace === "NEXTAUTH_SECRET") secrets.sessionSecret = randomBytes(32).toString("base64url");
  else if (replace) secrets[FIELD[replace]] = randomBytes(32);
  return {
    secrets,
    secretsFile: "/srv/lentera/data/secrets.json",
    secretOrigins: { LENTERA_MASTER_KEY: "environment", LENTERA_TRACKING_KEY: "environment", NEXTAUTH_SECRET: "file" },
    generatedSecrets: [],
    ...overrides,
  };
}

const noSave = () => {
  throw new Error("secrets must not be saved here");
};

async function refusal(input: SecretsToCheck, save: () => void = noSave): Promise<string> {
  const error = await checkSecrets(handle.db, input, save).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SecretCheckError);
  const message = (error as Error).message;
  expect(message).not.toContain("\n");
  expect(message).toMatch(/refusing to start$/);
  return message;
}

const storedChecks = async () =>
  (await handle.db.secretCheck.findMany({ orderBy: { name: "asc" } })).map((r) => [
    r.name,
    Buffer.from(r.check).toString("hex"),
  ]);

describe("first start", () => {
  it("records a check value of each secret (never the secret) and a matching start passes", async () => {
    expect(await checkSecrets(handle.db, inUse(), noSave)).toEqual({ recorded: NAMES });
    const rows = await handle.db.secretCheck.findMany();
    expect(rows.map((r) => r.name).sort()).toEqual(NAMES);
    const secrets = env().secrets;
    for (const row of rows) {
      const secret = secrets[FIELD[row.name as SecretName]];
      expect(Buffer.from(row.check).equals(secretCheckValue(row.name as SecretName, secret))).toBe(true);
      expect(Buffer.from(row.check).includes(Buffer.from(secret))).toBe(false);
    }
    expect(await checkSecrets(handle.db, inUse(), noSave)).toEqual({ recorded: [] });
  });

  it("with generated secrets on an empty database: saves them first, then records", async () => {
    // A failed save records nothing: check values without their secrets would lock the data out.
    const failing = () => {
      throw new Error("disk full");
    };
    await expect(checkSecrets(handle.db, inUse({ generatedSecrets: NAMES }), failing)).rejects.toThrow("disk full");
    expect(await handle.db.secretCheck.count()).toBe(0);
    let saved = 0;
    await checkSecrets(handle.db, inUse({ generatedSecrets: NAMES }), () => saved++);
    expect(saved).toBe(1);
    expect(await handle.db.secretCheck.count()).toBe(3);
  });

  it("two instances starting at once with different keys: one records, the other refuses", async () => {
    const other = inUse({}, "LENTERA_MASTER_KEY");
    const results = await Promise.allSettled([
      checkSecrets(handle.db, inUse(), noSave),
      checkSecrets(handle.db, other, noSave),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason)).toEqual([
      expect.any(SecretCheckError),
    ]);
  });
});

describe.each(NAMES)("%s", (name) => {
  it("a different value refuses to start, naming the secret and where it came from", async () => {
    await checkSecrets(handle.db, inUse(), noSave);
    const before = await storedChecks();
    const message = await refusal(inUse({}, name));
    expect(message).toMatch(
      new RegExp(
        `^${name} \\(from (the environment|/srv/lentera/data/secrets\\.json)\\) does not match the (key|secret) this database was created with; set the original ${name}`,
      ),
    );
    expect(await storedChecks()).toEqual(before); // nothing was overwritten
  });

  it("generated afresh (secrets.json missing) while the database holds data refuses, and saves nothing", async () => {
    await checkSecrets(handle.db, inUse(), noSave);
    const message = await refusal(inUse({ generatedSecrets: [name] }, name));
    expect(message).toBe(
      `/srv/lentera/data/secrets.json is missing but this database holds data; restore it from your backup (or set ${name} to the original values) — new secrets would leave the existing data unreadable; refusing to start`,
    );
  });

  it("generated afresh on a database with data but no check values yet (older version) refuses too", async () => {
    await submitSampleCase(handle.db);
    await refusal(inUse({ generatedSecrets: [name] }, name));
    expect(await handle.db.secretCheck.count()).toBe(0);
  });
});

describe("a database from before check values", () => {
  it("records them when the master key opens its cases", async () => {
    await submitSampleCase(handle.db);
    expect(await checkSecrets(handle.db, inUse(), noSave)).toEqual({ recorded: NAMES });
  });

  it("refuses a master key that does not open its cases, recording nothing", async () => {
    await submitSampleCase(handle.db);
    expect(await refusal(inUse({}, "LENTERA_MASTER_KEY"))).toMatch(
      /^LENTERA_MASTER_KEY \(from the environment\) does not match/,
    );
    expect(await handle.db.secretCheck.count()).toBe(0);
  });
});
