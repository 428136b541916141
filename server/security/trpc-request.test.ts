import { describe, expect, it } from "vitest";
import { trpcRequestRefusal } from "./trpc-request.ts";

const URL_ = "http://127.0.0.1:3000/api/trpc/admin.emblem.remove";
const req = (method: string, headers: Record<string, string>, body?: BodyInit) =>
  new Request(URL_, { method, headers: { host: "127.0.0.1:3000", ...headers }, body });
const status = (r: Request) => trpcRequestRefusal(r)?.status ?? "passed";

describe("trpcRequestRefusal", () => {
  it("lets the staff client's JSON mutations from this site through", () => {
    expect(
      status(
        req("POST", { "content-type": "application/json", "sec-fetch-site": "same-origin", origin: "null" }, "{}"),
      ),
    ).toBe("passed");
    expect(status(req("POST", { "content-type": "application/json", origin: "http://127.0.0.1:3000" }, "{}"))).toBe(
      "passed",
    );
  });

  it("refuses bodies an HTML form can send, whatever the headers say", async () => {
    const form = new FormData();
    form.set("0", "{}");
    const multipart = new Request(URL_, {
      method: "POST",
      headers: { host: "127.0.0.1:3000", "sec-fetch-site": "same-origin" },
      body: form,
    });
    expect(status(multipart)).toBe(415);
    for (const type of ["application/x-www-form-urlencoded", "text/plain", ""])
      expect(status(req("POST", { "content-type": type, "sec-fetch-site": "same-origin" }, "{}"))).toBe(415);
    const body = await trpcRequestRefusal(multipart)!.json();
    expect(body.error.message).toBe("Permintaan harus berupa JSON.");
  });

  it("refuses mutations from another site, a sibling site, or that say nothing of their origin", () => {
    const variants: Record<string, string>[] = [
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
      { origin: "http://evil.test" },
      {},
      { origin: "null" },
    ];
    for (const headers of variants) {
      expect(status(req("POST", { "content-type": "application/json", ...headers }, "{}"))).toBe(403);
    }
  });

  it("refuses queries from another site, and methods tRPC does not use", () => {
    expect(status(req("GET", { "sec-fetch-site": "cross-site" }))).toBe(403);
    expect(status(req("GET", { "sec-fetch-site": "same-origin" }))).toBe("passed");
    expect(status(req("GET", {}))).toBe("passed");
    expect(status(req("PUT", { "content-type": "application/json", "sec-fetch-site": "same-origin" }, "{}"))).toBe(405);
  });
});
