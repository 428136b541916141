/** The previous master key during a rotation: read from where the master key is read, never mixed. */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, loadEnv, writeSecretsFile } from "./env.ts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lentera-env-prev-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const key = () => randomBytes(32);

describe("previous master key", () => {
  it("comes with LENTERA_MASTER_KEY from the environment, attached to the master key", () => {
    const [current, previous] = [key(), key()];
    const config = loadEnv({
      NODE_ENV: "test",
      LENTERA_DATA_DIR: dir,
      LENTERA_MASTER_KEY: current.toString("base64"),
      LENTERA_MASTER_KEY_PREVIOUS: previous.toString("hex"),
      LENTERA_TRACKING_KEY: key().toString("base64"),
      NEXTAUTH_SECRET: "s".repeat(40),
    });
    expect(config.secrets.masterKey.equals(current)).toBe(true);
    expect(config.secrets.masterKey.previous?.equals(previous)).toBe(true);
    expect(Object.keys(config.secrets.masterKey)).not.toContain("previous"); // not enumerable: never copied into logs or JSON by accident
  });

  it("comes from secrets.json (previousMasterKey) when the master key does", () => {
    const [current, previous] = [key(), key()];
    writeSecretsFile(path.join(dir, "secrets.json"), {
      masterKey: current.toString("base64"),
      previousMasterKey: previous.toString("base64"),
      trackingKey: key().toString("base64"),
      sessionSecret: "s".repeat(40),
    });
    expect(fs.statSync(path.join(dir, "secrets.json")).mode & 0o777).toBe(0o600);
    const config = loadEnv({ NODE_ENV: "test", LENTERA_DATA_DIR: dir });
    expect(config.secrets.masterKey.previous?.equals(previous)).toBe(true);
    expect(() =>
      loadEnv({ NODE_ENV: "test", LENTERA_DATA_DIR: dir, LENTERA_MASTER_KEY_PREVIOUS: previous.toString("base64") }),
    ).toThrow(
      new ConfigError(
        `Invalid configuration: LENTERA_MASTER_KEY_PREVIOUS is set but LENTERA_MASTER_KEY comes from ${path.join(dir, "secrets.json")}; set both in the environment or neither`,
      ),
    );
  });

  it("refuses a malformed one", () => {
    expect(() =>
      loadEnv({
        NODE_ENV: "test",
        LENTERA_DATA_DIR: dir,
        LENTERA_MASTER_KEY: key().toString("base64"),
        LENTERA_MASTER_KEY_PREVIOUS: "short",
      }),
    ).toThrow(/^Invalid configuration: LENTERA_MASTER_KEY_PREVIOUS must be 32 random bytes/);
  });
});
