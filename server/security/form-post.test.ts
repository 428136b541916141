import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { formPostAllowed } from "./form-post.ts";
import { FORM_TOKEN_TTL_MS, formTokenKey, issueFormToken, verifyFormToken } from "./form-token.ts";

const key = formTokenKey(randomBytes(32).toString("base64url"));
const now = new Date("2026-12-02T03:00:00Z");
const client = "203.0.113.7";
const later = (ms: number) => new Date(now.getTime() + ms);

describe("form tokens", () => {
  const token = issueFormToken(key, "track", client, now);

  it("verify for the form and client they were rendered for, within their lifetime", () => {
    expect(verifyFormToken(key, "track", client, token, now)).toBe(true);
    expect(verifyFormToken(key, "track", client, token, later(FORM_TOKEN_TTL_MS))).toBe(true);
  });

  it("are refused for another form, another client, another key, when expired or from the future", () => {
    expect(verifyFormToken(key, "report", client, token, now)).toBe(false);
    expect(verifyFormToken(key, "track", "198.51.100.1", token, now)).toBe(false);
    expect(verifyFormToken(formTokenKey("another secret of at least 32 chars!"), "track", client, token, now)).toBe(
      false,
    );
    expect(verifyFormToken(key, "track", client, token, later(FORM_TOKEN_TTL_MS + 1))).toBe(false);
    expect(verifyFormToken(key, "track", client, issueFormToken(key, "track", client, later(5 * 60_000)), now)).toBe(
      false,
    );
  });

  it("cannot be altered or made up", () => {
    const [issued, nonce, mac] = token.split(".") as [string, string, string];
    const fresh = (Number.parseInt(issued, 36) + 1000).toString(36);
    for (const forged of [
      `${fresh}.${nonce}.${mac}`,
      `${issued}.${"A".repeat(22)}.${mac}`,
      `${issued}.${nonce}.${"A".repeat(43)}`,
      "",
      "x",
      `${token}x`,
      token.toUpperCase(),
    ]) {
      expect(verifyFormToken(key, "track", client, forged, now)).toBe(false);
    }
  });

  it("are refused with any other spelling of their signature, even one that decodes to the same bytes", () => {
    const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const last = token.at(-1)!;
    // The last of 43 base64url characters carries 4 bits of the signature and 2 unused ones.
    const sameBits = [...ALPHABET].filter(
      (c) => c !== last && ALPHABET.indexOf(c) >> 2 === ALPHABET.indexOf(last) >> 2,
    );
    expect(sameBits).toHaveLength(3);
    for (const c of sameBits) expect(verifyFormToken(key, "track", client, token.slice(0, -1) + c, now)).toBe(false);
  });

  it("are fresh each time (a nonce), so two renders never share one", () => {
    expect(issueFormToken(key, "track", client, now)).not.toBe(issueFormToken(key, "track", client, now));
  });
});

describe("formPostAllowed", () => {
  const post = (headers: Record<string, string>, token: FormDataEntryValue | null = null) =>
    formPostAllowed(
      { headers: new Headers({ host: "wbs.example.go.id", ...headers }), form: "report", client, token },
      key,
      now,
    );
  const good = issueFormToken(key, "report", client, now);

  it("lets a post the browser says is ours through without a token", () => {
    expect(post({ "sec-fetch-site": "same-origin", origin: "null" })).toBe(true);
    expect(post({ origin: "https://wbs.example.go.id" })).toBe(true);
  });

  it("refuses what the browser says is foreign, token or not", () => {
    expect(post({ "sec-fetch-site": "cross-site" }, good)).toBe(false);
    expect(post({ "sec-fetch-site": "same-site", origin: "https://other.example.go.id" }, good)).toBe(false);
    expect(post({ origin: "https://evil.test" }, good)).toBe(false);
  });

  it("judges a post with neither header, or Origin: null alone, by its form token", () => {
    expect(post({})).toBe(false);
    expect(post({ origin: "null" })).toBe(false);
    expect(post({ origin: "null" }, "made-up")).toBe(false);
    expect(post({ origin: "null" }, issueFormToken(key, "track", client, now))).toBe(false);
    expect(post({}, new File(["x"], "token"))).toBe(false);
    expect(post({}, good)).toBe(true);
    expect(post({ origin: "null" }, good)).toBe(true);
  });
});
