import { describe, expect, it } from "vitest";
import { mediaType, requestOrigin } from "./request-origin.ts";

const h = (init: Record<string, string>) => new Headers({ host: "wbs.example.go.id", ...init });

describe("requestOrigin", () => {
  it("believes Sec-Fetch-Site: only same-origin is ours, a sibling host is foreign", () => {
    expect(requestOrigin(h({ "sec-fetch-site": "same-origin" }))).toBe("same-origin");
    expect(requestOrigin(h({ "sec-fetch-site": "same-origin", origin: "null" }))).toBe("same-origin");
    for (const site of ["same-site", "cross-site", "none", "bogus"])
      expect(requestOrigin(h({ "sec-fetch-site": site, origin: "https://wbs.example.go.id" }))).toBe("cross-site");
  });

  it("without Sec-Fetch-Site, compares Origin with the host the request was sent to", () => {
    expect(requestOrigin(h({ origin: "https://wbs.example.go.id" }))).toBe("same-origin");
    expect(requestOrigin(h({ origin: "https://evil.example.go.id" }))).toBe("cross-site");
    expect(requestOrigin(h({ origin: "https://wbs.example.go.id:8443" }))).toBe("cross-site");
    expect(requestOrigin(h({ origin: "not a url" }))).toBe("cross-site");
    expect(requestOrigin(new Headers({ origin: "https://wbs.example.go.id" }))).toBe("cross-site");
    // Behind a proxy: the forwarded host is the one the browser used.
    expect(
      requestOrigin(
        new Headers({
          host: "127.0.0.1:3000",
          "x-forwarded-host": "wbs.example.go.id",
          origin: "https://wbs.example.go.id",
        }),
      ),
    ).toBe("same-origin");
  });

  it("says nothing for a missing Origin or Origin: null", () => {
    expect(requestOrigin(h({}))).toBe("unknown");
    expect(requestOrigin(h({ origin: "null" }))).toBe("unknown");
  });

  it("reads the media type without parameters", () => {
    expect(mediaType("Application/JSON; charset=utf-8")).toBe("application/json");
    expect(mediaType("multipart/form-data; boundary=x")).toBe("multipart/form-data");
    expect(mediaType(null)).toBe("");
  });
});
