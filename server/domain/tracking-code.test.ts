import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { open, seal, unwrapDataKey, wrapDataKey, newDataKey, DecryptionError } from "./crypto.ts";
import { generateTrackingCode, normaliseTrackingCode, trackingHash } from "./tracking-code.ts";

describe("tracking codes", () => {
  it("are 16 Crockford symbols in four groups, different every time", () => {
    const codes = new Set(Array.from({ length: 1000 }, generateTrackingCode));
    expect(codes.size).toBe(1000);
    for (const c of codes) expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });

  it("forgive case, spaces, hyphens and look-alike letters, and refuse anything else", () => {
    expect(normaliseTrackingCode(" abcd efgh-jkmn-pqrs ")).toBe("ABCDEFGHJKMNPQRS");
    expect(normaliseTrackingCode("ILO0-1111-0000-2222")).toBe("1100111100002222");
    expect(normaliseTrackingCode("ABCD-EFGH-JKMN-PQR")).toBeNull();
    expect(normaliseTrackingCode("ABCD-EFGH-JKMN-PQRU")).toBeNull();
    expect(normaliseTrackingCode("x".repeat(100_000))).toBeNull();
  });

  it("are looked up by a keyed hash that depends on the server key", () => {
    const [a, b] = [randomBytes(32), randomBytes(32)];
    expect(trackingHash(a, "ABCDEFGHJKMNPQRS").equals(trackingHash(a, "ABCDEFGHJKMNPQRS"))).toBe(true);
    expect(trackingHash(a, "ABCDEFGHJKMNPQRS").equals(trackingHash(b, "ABCDEFGHJKMNPQRS"))).toBe(false);
  });
});

describe("encryption at rest", () => {
  it("round-trips under the case key and detects tampering or the wrong key", () => {
    const master = randomBytes(32);
    const key = newDataKey();
    const wrapped = wrapDataKey(master, key);
    expect(unwrapDataKey(master, wrapped).equals(key)).toBe(true);
    const box = seal(key, "rahasia");
    expect(open(key, box).toString()).toBe("rahasia");
    box[box.length - 1]! ^= 1;
    expect(() => open(key, box)).toThrow(DecryptionError);
    expect(() => unwrapDataKey(randomBytes(32), wrapped)).toThrow(DecryptionError);
    // A wrapped key is not a valid data box and vice versa (different associated data).
    expect(() => open(master, wrapped)).toThrow(DecryptionError);
  });
});
