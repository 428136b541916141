import { describe, expect, it } from "vitest";
import {
  base32Decode,
  base32Encode,
  formatSecret,
  generateTotpSecret,
  hotp,
  otpauthUri,
  stepStartsAt,
  timeStep,
  totp,
  totpForStep,
  verifyTotp,
} from "./totp.ts";

// RFC 4226 appendix D and RFC 6238 appendix B use this ASCII secret for HMAC-SHA-1.
const RFC_KEY = Buffer.from("12345678901234567890", "ascii");

describe("base32 (RFC 4648 test vectors)", () => {
  const vectors: [string, string][] = [
    ["", ""],
    ["f", "MY"],
    ["fo", "MZXQ"],
    ["foo", "MZXW6"],
    ["foob", "MZXW6YQ"],
    ["fooba", "MZXW6YTB"],
    ["foobar", "MZXW6YTBOI"],
  ];
  it.each(vectors)("%j ↔ %s", (plain, encoded) => {
    expect(base32Encode(Buffer.from(plain))).toBe(encoded);
    expect(base32Decode(encoded).toString()).toBe(plain);
  });

  it("decodes lower case, spaces, hyphens and padding, and refuses other symbols", () => {
    expect(base32Decode("mzxw 6ytb-oi======").toString()).toBe("foobar");
    expect(() => base32Decode("MZXW1")).toThrow("base32");
  });

  it("round-trips random secrets of 20 bytes (32 symbols)", () => {
    for (let i = 0; i < 50; i++) {
      const secret = generateTotpSecret();
      expect(secret).toHaveLength(20);
      const encoded = base32Encode(secret);
      expect(encoded).toMatch(/^[A-Z2-7]{32}$/);
      expect(base32Decode(encoded).equals(secret)).toBe(true);
    }
    expect(generateTotpSecret().equals(generateTotpSecret())).toBe(false);
  });
});

describe("HOTP (RFC 4226 appendix D)", () => {
  const expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"];
  it.each(expected.map((code, counter) => [counter, code] as const))("counter %i → %s", (counter, code) => {
    expect(hotp(RFC_KEY, counter)).toBe(code);
  });

  it("refuses negative or fractional counters", () => {
    expect(() => hotp(RFC_KEY, -1)).toThrow(RangeError);
    expect(() => hotp(RFC_KEY, 1.5)).toThrow(RangeError);
  });
});

describe("TOTP (RFC 6238 appendix B, SHA-1)", () => {
  const vectors: [number, string][] = [
    [59, "94287082"],
    [1111111109, "07081804"],
    [1111111111, "14050471"],
    [1234567890, "89005924"],
    [2000000000, "69279037"],
    [20000000000, "65353130"],
  ];
  it.each(vectors)("T = %i s → %s", (seconds, code) => {
    expect(totp(RFC_KEY, seconds * 1000, 8)).toBe(code);
    // The 6-digit code apps show is the last six digits of the same truncated value.
    expect(totp(RFC_KEY, seconds * 1000)).toBe(code.slice(2));
  });

  it("counts 30-second steps from the Unix epoch", () => {
    expect(timeStep(0)).toBe(0);
    expect(timeStep(29_999)).toBe(0);
    expect(timeStep(30_000)).toBe(1);
    expect(timeStep(new Date(59_000))).toBe(1);
    expect(stepStartsAt(timeStep(1_234_567_890_000))).toBe(1_234_567_890_000 - (1_234_567_890_000 % 30_000));
  });
});

describe("verifyTotp", () => {
  const key = generateTotpSecret();
  const now = new Date("2026-11-27T03:00:10Z");
  const step = timeStep(now);

  it("accepts the current step and one step either side, returning the matched step", () => {
    expect(verifyTotp(key, totpForStep(key, step), { now })).toBe(step);
    expect(verifyTotp(key, totpForStep(key, step - 1), { now })).toBe(step - 1);
    expect(verifyTotp(key, totpForStep(key, step + 1), { now })).toBe(step + 1);
  });

  it("refuses codes two steps away, malformed codes and another secret's code", () => {
    expect(verifyTotp(key, totpForStep(key, step - 2), { now })).toBeNull();
    expect(verifyTotp(key, totpForStep(key, step + 2), { now })).toBeNull();
    expect(verifyTotp(key, "12345", { now })).toBeNull();
    expect(verifyTotp(key, "abcdef", { now })).toBeNull();
    expect(verifyTotp(key, "", { now })).toBeNull();
    expect(verifyTotp(generateTotpSecret(), totpForStep(key, step), { now })).not.toBe(step);
  });

  it("accepts spaces inside the code (apps show '123 456')", () => {
    const code = totpForStep(key, step);
    expect(verifyTotp(key, `${code.slice(0, 3)} ${code.slice(3)}`, { now })).toBe(step);
  });

  it("refuses a replayed step: the step itself and every earlier one", () => {
    const code = totpForStep(key, step);
    const accepted = verifyTotp(key, code, { now, lastStep: null });
    expect(accepted).toBe(step);
    expect(verifyTotp(key, code, { now, lastStep: accepted })).toBeNull();
    expect(verifyTotp(key, totpForStep(key, step - 1), { now, lastStep: accepted })).toBeNull();
    // The next step (still inside the window) is fresh.
    expect(verifyTotp(key, totpForStep(key, step + 1), { now, lastStep: accepted })).toBe(step + 1);
  });

  it("a smaller window narrows what is accepted", () => {
    expect(verifyTotp(key, totpForStep(key, step + 1), { now, window: 0 })).toBeNull();
    expect(verifyTotp(key, totpForStep(key, step), { now, window: 0 })).toBe(step);
  });
});

describe("otpauth URI and display", () => {
  it("follows the Key URI Format with the office as issuer", () => {
    const uri = otpauthUri({ secret: RFC_KEY, account: "kadis", issuer: "Lentera DPMPTSP Lamandau" });
    expect(uri).toBe(
      "otpauth://totp/Lentera%20DPMPTSP%20Lamandau:kadis?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Lentera%20DPMPTSP%20Lamandau&algorithm=SHA1&digits=6&period=30",
    );
    const parsed = new URL(uri);
    expect(parsed.protocol).toBe("otpauth:");
    expect(parsed.searchParams.get("issuer")).toBe("Lentera DPMPTSP Lamandau");
  });

  it("escapes the account name", () => {
    expect(otpauthUri({ secret: "AAAA", account: "a b:c", issuer: "Lentera DPMPTSP Lamandau" })).toContain(
      "/Lentera%20DPMPTSP%20Lamandau:a%20b%3Ac?",
    );
  });

  it("groups the secret by four for manual entry", () => {
    expect(formatSecret("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")).toBe("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ");
    expect(formatSecret("ABCDEF")).toBe("ABCD EF");
  });
});
