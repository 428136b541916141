import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./csp.ts";
import { refusalPage } from "./refusal-page.ts";
import { bodyTooLarge, decodablePath, MAX_BODY_BYTES } from "./request-shape.ts";

describe("requests refused before any route", () => {
  it("an address is refused only when its percent-encoding cannot be decoded", () => {
    for (const bad of ["/verifikasi/%E0%A4%A", "/api/portal/letter/%E0", "/%", "/a%ZZ", "/%C0%80x%"])
      expect(decodablePath(bad), bad).toBe(false);
    for (const good of ["/", "/verifikasi/ABCD-1234", "/lapor/%20x", "/%E0%A4%A4", "/.env"])
      expect(decodablePath(good), good).toBe(true);
  });

  it("a body is refused when it declares more than the forms may send", () => {
    expect(bodyTooLarge(String(MAX_BODY_BYTES + 1))).toBe(true);
    expect(bodyTooLarge(String(70 * 1024 * 1024))).toBe(true);
    expect(bodyTooLarge(String(MAX_BODY_BYTES))).toBe(false);
    expect(bodyTooLarge(null)).toBe(false);
    expect(bodyTooLarge("abc")).toBe(false);
  });

  it("the refusal page speaks both languages, carries the security headers and lets nothing run", async () => {
    const res = refusalPage(413, "tooLarge", { mb: 60 });
    expect(res.status).toBe(413);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-security-policy")).toMatch(/^default-src 'none'/);
    const html = await res.text();
    expect(html).toContain("Kiriman terlalu besar: lebih dari 60 MB.");
    expect(html).toContain("The submission is too large: more than 60 MB.");
    expect(html).not.toMatch(/<script|\sstyle=/);
  });
});

describe("the page CSP", () => {
  it("allows no inline style attribute and no inline script", () => {
    const csp = contentSecurityPolicy("bm9uY2U=");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("style-src-attr");
    expect(csp).toContain("style-src 'self' 'nonce-bm9uY2U='");
  });
});
