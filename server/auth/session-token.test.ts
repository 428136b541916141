import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken } from "./staff-session.ts";

const secret = "a-session-secret-of-enough-length-0123456789";

describe("session token", () => {
  it("reads what next-auth signed, and only that", async () => {
    const token = await encode({ token: { uid: "u1", sv: 3, enrol: false, name: "ignored" }, secret, maxAge: 60 });
    expect(await decodeSessionToken(token, secret)).toEqual({ uid: "u1", sv: 3, enrol: false });
    // The key is kept per secret: a second read and a read under another secret still hold.
    expect(await decodeSessionToken(token, secret)).toEqual({ uid: "u1", sv: 3, enrol: false });
    expect(await decodeSessionToken(token, `${secret}-other`)).toBeNull();
  });

  it("refuses a tampered, expired or malformed token", async () => {
    const token = await encode({ token: { uid: "u1", sv: 0 }, secret, maxAge: 60 });
    const parts = token.split(".");
    parts[3] = `${parts[3]![0] === "A" ? "B" : "A"}${parts[3]!.slice(1)}`;
    expect(await decodeSessionToken(parts.join("."), secret)).toBeNull();
    expect(
      await decodeSessionToken(await encode({ token: { uid: "u1", sv: 0 }, secret, maxAge: -60 }), secret),
    ).toBeNull();
    expect(await decodeSessionToken("not-a-token", secret)).toBeNull();
  });
});
