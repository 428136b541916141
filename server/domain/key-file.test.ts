/** The passphrase-encrypted key file: round trip, and one clear error for anything else. */
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { KeyFileError, openKeyFile, readKeyFileHeader, sealKeyFile } from "./key-file.ts";

const secrets = {
  masterKey: randomBytes(32).toString("base64"),
  trackingKey: randomBytes(32).toString("base64"),
  sessionSecret: randomBytes(32).toString("base64url"),
};
const checks = {
  LENTERA_MASTER_KEY: "a".repeat(64),
  LENTERA_TRACKING_KEY: "b".repeat(64),
  NEXTAUTH_SECRET: "c".repeat(64),
};
const passphrase = "tiga kata rahasia sekali";
const WRONG = "Wrong passphrase, or the key file was altered or damaged";

describe("key file", async () => {
  const text = await sealKeyFile(secrets, checks, passphrase, new Date("2026-12-02T08:00:00Z"));

  it("opens with its passphrase and gives back exactly the secrets", async () => {
    expect(await openKeyFile(text, passphrase)).toEqual({
      header: expect.objectContaining({ format: "lentera-keys", version: 1, checks }),
      secrets,
    });
  });

  it("has a versioned header in clear with strong scrypt parameters and a random salt, and no secret in clear", async () => {
    const header = readKeyFileHeader(text);
    expect(header.kdf).toMatchObject({ name: "scrypt", N: 131072, r: 8, p: 1 });
    expect(Buffer.from(header.kdf.salt, "base64")).toHaveLength(16);
    const again = await sealKeyFile(secrets, checks, passphrase);
    expect(readKeyFileHeader(again).kdf.salt).not.toBe(header.kdf.salt);
    for (const value of Object.values(secrets)) expect(text).not.toContain(value);
  });

  it("refuses a wrong passphrase", async () => {
    await expect(openKeyFile(text, "tiga kata rahasia sekalI")).rejects.toThrow(new KeyFileError(WRONG));
  });

  it("refuses a changed body or a changed header (the header is authenticated too)", async () => {
    const [head, body] = text.split("\n") as [string, string];
    const flipped = body.slice(0, 40) + (body[40] === "A" ? "B" : "A") + body.slice(41);
    await expect(openKeyFile(`${head}\n${flipped}\n`, passphrase)).rejects.toThrow(WRONG);
    const otherChecks = head.replace(checks.LENTERA_MASTER_KEY, "d".repeat(64));
    await expect(openKeyFile(`${otherChecks}\n${body}\n`, passphrase)).rejects.toThrow(WRONG);
    await expect(openKeyFile(`${head}\n${body.slice(0, -8)}\n`, passphrase)).rejects.toThrow(WRONG);
  });

  it("names what is wrong with files that are not key files, or of another version", async () => {
    await expect(openKeyFile("hello\nworld\n", passphrase)).rejects.toThrow("This is not a Lentera key file");
    const v2 = text.replace('"version":1', '"version":2');
    await expect(openKeyFile(v2, passphrase)).rejects.toThrow(
      "This key file has format version 2; this Lentera reads version 1",
    );
    // A crafted cost would make the import allocate gigabytes.
    const costly = text.replace('"N":131072', '"N":4194304');
    await expect(openKeyFile(costly, passphrase)).rejects.toThrow("The key file is damaged (its header is incomplete)");
  });

  it("refuses a short passphrase when writing", async () => {
    await expect(sealKeyFile(secrets, checks, "pendek")).rejects.toThrow(
      "The passphrase must be at least 12 characters long",
    );
  });
});
