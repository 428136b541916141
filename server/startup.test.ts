/**
 * The start-up in a real process on an embedded data directory: the first start records the
 * secrets' check values; a start with a different key, or with secrets.json gone while the
 * database holds data, refuses with one line and exits 1 — before any request could be served.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ROOT } from "./testing/test-db.ts";

let dataDir: string;
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lentera-start-"));
});
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// Started as `npm start` starts the server: with the client-address stamp loaded.
function start(extra: Record<string, string> = {}) {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", "--import", "./server/net/peer-stamp.mjs", "server/testing/start-once.ts"],
    {
      cwd: APP_ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "/tmp",
        LENTERA_DATA_DIR: dataDir,
        ...extra,
      } as unknown as NodeJS.ProcessEnv,
      encoding: "utf8",
      timeout: 300_000,
    },
  );
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

describe("server start-up with the embedded database", () => {
  it("records on the first start, refuses a wrong key or lost secrets.json, starts again with the right ones", () => {
    const first = start();
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/database ready/);
    const secretsFile = path.join(dataDir, "secrets.json");
    const secrets = fs.readFileSync(secretsFile, "utf8");

    const wrongKey = start({ LENTERA_MASTER_KEY: randomBytes(32).toString("base64") });
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr.split("\n")).toHaveLength(1);
    expect(wrongKey.stderr).toMatch(
      /^Lentera cannot start: LENTERA_MASTER_KEY \(from the environment\) does not match the key this database was created with; set the original LENTERA_MASTER_KEY/,
    );
    expect(wrongKey.stdout).not.toMatch(/database ready/);

    fs.rmSync(secretsFile);
    const lost = start();
    expect(lost.code).toBe(1);
    expect(lost.stderr).toBe(
      `Lentera cannot start: ${secretsFile} is missing but this database holds data; restore it from your backup (or set LENTERA_MASTER_KEY, LENTERA_TRACKING_KEY, NEXTAUTH_SECRET to the original values) — new secrets would leave the existing data unreadable; refusing to start`,
    );
    expect(fs.existsSync(secretsFile)).toBe(false); // no new secrets were written

    fs.writeFileSync(secretsFile, secrets, { mode: 0o600 });
    const again = start();
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
  }, 600_000); // four real starts; each opens PGlite (the first also runs every migration)
});
