import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function runMigrate(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "prisma/tool/migrate.ts", "apply"], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env } as unknown as NodeJS.ProcessEnv,
    encoding: "utf8",
  });
  return { code: result.status, stderr: result.stderr.trim() };
}

describe("bad configuration", () => {
  it.each([
    [{ DATABASE_URL: "mysql://db/lentera" }, /^Invalid configuration: DATABASE_URL must start with postgresql:\/\//],
    [{ DATABASE_URL: "not a url" }, /^Invalid configuration: DATABASE_URL is not a valid URL/],
    [{ LENTERA_MASTER_KEY: "c2hvcnQ=" }, /^Invalid configuration: LENTERA_MASTER_KEY must be 32 random bytes/],
  ])("stops with one clear line, not a stack trace (%o)", (env, message) => {
    const { code, stderr } = runMigrate(env);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
    expect(stderr.split("\n")).toHaveLength(1);
  });
});
