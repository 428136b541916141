/**
 * The form pages answered from a template: placeholders only in the template, fresh values per
 * view, the token bound to the visitor's own address, and every request the page could differ for
 * rendered per request instead. Served through the real preload (before the application).
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import "../../net/peer-stamp.mjs";
import { appBehindPreload } from "../../testing/app-behind-preload.ts";
import { env } from "../../env.ts";
import { formTokenKey, verifyFormToken } from "../../security/form-token.ts";
import {
  carriesSlots,
  fillTemplate,
  formPageFromTemplate,
  isTemplateRender,
  placeholder,
  TEMPLATE_HEADER,
  templateKey,
} from "./form-page-template.ts";
import { cachedPage, FILL_HEADER, fillToken, invalidatePublicPages, isFillRequest } from "./page-cache.ts";

const key = () => formTokenKey(env().secrets.sessionSecret);
const reportPage = () =>
  `<html><body><form><input type="hidden" name="formToken" value="${placeholder("report")}"/>` +
  `<input type="hidden" name="idempotencyKey" value="${placeholder("key")}"/>` +
  `<input type="hidden" name="$ACTION_1:0" value="{&quot;idempotencyKey&quot;:&quot;${placeholder("key")}&quot;}"/>` +
  `</form><script>self.__next_f.push([1,"${placeholder("report")}"])</script></body></html>`;
const field = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? "";

const app = appBehindPreload();
const seen = app.seen;
afterEach(() => {
  vi.unstubAllGlobals();
  invalidatePublicPages();
});

describe("which requests a template answers", () => {
  it("only the bare report form and tracking sign-in, without any cookie", () => {
    for (const path of ["/lapor", "/en/lapor", "/lacak", "/en/lacak"])
      expect(templateKey(path, "", null)).not.toBeNull();
    expect(templateKey("/lapor", "", null)).not.toBe(templateKey("/en/lapor", "", null));
    for (const path of ["/lacak/kasus", "/en/lacak/kasus", "/lapor/x", "/id/lapor", "/", "/statistik"])
      expect(templateKey(path, "", null), path).toBeNull();
    expect(templateKey("/lapor", "?x=1", null)).toBeNull();
    expect(templateKey("/lacak", "", "lentera_lacak=s")).toBeNull();
    expect(templateKey("/lapor", "", "other=1")).toBeNull();
  });

  it("never a path a public page could be looked up by", () => {
    expect(templateKey("/lapor", "", null)).not.toMatch(/^\//);
  });

  it("are rendered as templates only for a request carrying this process's fill token", () => {
    expect(isTemplateRender(new Headers({ [TEMPLATE_HEADER]: "1", [FILL_HEADER]: fillToken() }))).toBe(true);
    expect(isTemplateRender(new Headers({ [TEMPLATE_HEADER]: "1", [FILL_HEADER]: "guessed" }))).toBe(false);
    expect(isTemplateRender(new Headers({ [TEMPLATE_HEADER]: "1" }))).toBe(false);
    expect(isTemplateRender(new Headers({ [FILL_HEADER]: fillToken() }))).toBe(false);
  });
});

describe("filling a template", () => {
  const visitor = { "x-lentera-peer": "203.0.113.5" };

  it("leaves no placeholder, and puts one value per slot wherever the slot appears", () => {
    const page = fillTemplate(reportPage(), visitor);
    expect(page).not.toContain("lentera_");
    const idempotencyKey = field(page, "idempotencyKey");
    expect(idempotencyKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(page).toContain(`&quot;idempotencyKey&quot;:&quot;${idempotencyKey}&quot;`);
    expect(page).toContain(`push([1,"${field(page, "formToken")}"])`);
  });

  it("gives every view its own token and idempotency key", () => {
    const [a, b] = [fillTemplate(reportPage(), visitor), fillTemplate(reportPage(), visitor)];
    expect(field(a, "formToken")).not.toBe(field(b, "formToken"));
    expect(field(a, "idempotencyKey")).not.toBe(field(b, "idempotencyKey"));
  });

  it("binds the token to the visitor's address and the page's form", () => {
    const now = new Date();
    const token = field(fillTemplate(reportPage(), visitor, now), "formToken");
    expect(verifyFormToken(key(), "report", "203.0.113.5", token, now)).toBe(true);
    expect(verifyFormToken(key(), "report", "203.0.113.6", token, now)).toBe(false);
    expect(verifyFormToken(key(), "track", "203.0.113.5", token, now)).toBe(false);
  });

  it("reads X-Forwarded-For only from a trusted proxy, as every other use of the client address", () => {
    const now = new Date();
    const forged = { ...visitor, "x-forwarded-for": "198.51.100.7" };
    const token = field(fillTemplate(reportPage(), forged, now), "formToken");
    expect(verifyFormToken(key(), "report", "203.0.113.5", token, now)).toBe(true);
    expect(verifyFormToken(key(), "report", "198.51.100.7", token, now)).toBe(false);
  });

  it("is kept only when the rendered page carries every placeholder its page needs", () => {
    expect(carriesSlots("/lapor", reportPage())).toBe(true);
    expect(carriesSlots("/lapor", reportPage().replaceAll(placeholder("key"), "real-key"))).toBe(false);
    expect(carriesSlots("/en/lacak", `<input value="${placeholder("track")}"/>`)).toBe(true);
    expect(carriesSlots("/lacak", `<input value="${placeholder("report")}"/>`)).toBe(false);
  });
});

describe("the proxy's answer from a template", () => {
  function renders(body: string, status = 200) {
    const sent: Headers[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (_url: URL, options: RequestInit) => {
        sent.push(new Headers(options.headers));
        return new Response(body, { status, headers: { "content-type": "text/html; charset=utf-8" } });
      }),
    );
    return sent;
  }
  const visit = (path: string, headers: Record<string, string> = {}) =>
    formPageFromTemplate(new URL(path, app.base), new Headers({ "x-lentera-peer": "203.0.113.5", ...headers }));

  it("asks for the template with the fill token and without the visitor's cookies or address", async () => {
    const sent = renders(reportPage());
    const res = await visit("/lapor", { "x-forwarded-for": "198.51.100.7" });
    expect(res?.status).toBe(200);
    expect(sent).toHaveLength(1);
    expect(isFillRequest(sent[0]!.get(FILL_HEADER))).toBe(true);
    expect(sent[0]!.get(TEMPLATE_HEADER)).toBe("1");
    expect(sent[0]!.get("x-forwarded-for")).toBeNull();
    expect(sent[0]!.get("cookie")).toBeNull();
    const page = await res!.text();
    expect(page).not.toMatch(/<script|lentera_/);
    expect(res!.headers.get("content-security-policy")).toContain("script-src 'none'");
    expect(res!.headers.get("cache-control")).toContain("no-store");
    expect(res!.headers.get("set-cookie")).toBeNull();
    // The next view comes from the kept template.
    await visit("/lapor");
    expect(sent).toHaveLength(1);
  });

  it("leaves a request with a cookie or a query, and a page without its placeholders, to the per-request render", async () => {
    const sent = renders(reportPage());
    expect(await visit("/lacak", { cookie: "lentera_lacak=s" })).toBeNull();
    expect(await visit("/lapor?x=1")).toBeNull();
    expect(sent).toHaveLength(0);
    renders(`<html><body><input name="formToken" value="real"/></body></html>`);
    expect(await visit("/lacak")).toBeNull();
    renders("outage", 503);
    expect(await visit("/lapor")).toBeNull();
  });
});

describe("a fresh template, before the application", () => {
  it("answers the bare page filled for the socket's peer, each view with its own values", async () => {
    await cachedPage(templateKey("/lapor", "", null)!, async () => reportPage());
    seen.length = 0;
    const now = new Date();
    const [a, b] = await Promise.all([
      fetch(`${app.base}/lapor`),
      fetch(`${app.base}/lapor`, { headers: { "accept-encoding": "gzip" } }),
    ]);
    const [pa, pb] = [await a.text(), await b.text()];
    expect(seen).toHaveLength(0);
    expect(b.headers.get("content-encoding")).toBe("gzip");
    expect(a.headers.get("content-security-policy")).toContain("script-src 'none'");
    expect(a.headers.get("set-cookie")).toBeNull();
    expect(pa).not.toMatch(/<script|lentera_/);
    expect(verifyFormToken(key(), "report", "127.0.0.1", field(pa, "formToken"), now)).toBe(true);
    expect(field(pa, "formToken")).not.toBe(field(pb, "formToken"));
    expect(field(pa, "idempotencyKey")).not.toBe(field(pb, "idempotencyKey"));
  });

  it("leaves a cookie, a query, a post, another locale and an expired template to the application", async () => {
    await cachedPage(templateKey("/lapor", "", null)!, async () => reportPage());
    seen.length = 0;
    const answer = async (path: string, init?: RequestInit) => (await fetch(`${app.base}${path}`, init)).text();
    expect(await answer("/lapor", { headers: { cookie: "lentera_lacak=s" } })).toBe("from the application");
    expect(await answer("/lapor?x=1")).toBe("from the application");
    expect(await answer("/lapor", { method: "POST", body: "x" })).toBe("from the application");
    expect(await answer("/en/lapor")).toBe("from the application");
    invalidatePublicPages();
    expect(await answer("/lapor")).toBe("from the application");
    expect(seen).toHaveLength(5);
  });
});
