/**
 * The client address is the TCP peer unless the peer is a trusted proxy. The e2e server
 * trusts 127.0.0.1 (Playwright plays the proxy); these requests connect from 127.0.0.2, an
 * untrusted peer, and forge a new X-Forwarded-For on every request: all of them must still be
 * counted as the one client 127.0.0.2, by the tracking brake and by the staff sign-in throttle.
 */
import http from "node:http";
import { expect, test } from "@playwright/test";

const UNTRUSTED_PEER = "127.0.0.2";

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** One request from the given local (source) address. */
function send(
  baseURL: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: Buffer; from: string },
): Promise<Answer> {
  const url = new URL(path, baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: init.method ?? "GET",
        headers: { ...init.headers, ...(init.body ? { "content-length": String(init.body.length) } : {}) },
        localAddress: init.from,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (c: Buffer) => chunks.push(c));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    request.on("error", reject);
    request.end(init.body);
  });
}

let forged = 0;
/** A different, plausible public address on every call. */
const forgedAddress = () => `198.51.${100 + (++forged >> 8)}.${forged & 255}`;

/** Posts a tracking code through the no-JavaScript form, as `from`, claiming a new forwarded address; returns how it was answered. */
async function postTrackingCode(baseURL: string, from: string, codes: string[]): Promise<string[]> {
  const page = await send(baseURL, "/lacak", { from });
  const fields = Object.fromEntries(
    [...page.text.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map(([, name, value]) => [
      name!,
      (value ?? "").replace(/&quot;/g, '"').replace(/&amp;/g, "&"),
    ]),
  );
  const answers: string[] = [];
  for (const code of codes) {
    const form = new FormData();
    for (const [name, value] of Object.entries({ ...fields, code })) form.append(name, value);
    const encoded = new Request("http://x/", { method: "POST", body: form });
    const answer = await send(baseURL, "/lacak", {
      method: "POST",
      from,
      body: Buffer.from(await encoded.arrayBuffer()),
      headers: {
        "content-type": encoded.headers.get("content-type")!,
        origin: "null",
        "sec-fetch-site": "same-origin",
        "x-forwarded-for": forgedAddress(),
      },
    });
    expect(answer.status).toBe(200);
    // The message shown in the form (every page also carries the message catalogue).
    const shown = /<p id="code-error"[^>]*>([\s\S]*?)<\/p>/.exec(answer.text)?.[1] ?? "";
    answers.push(
      /Terlalu banyak kode yang salah/.test(shown)
        ? "rate_limited"
        : /Kode tidak dikenal/.test(shown)
          ? "unknown"
          : "other",
    );
  }
  return answers;
}

const wrongCodes = (tag: string) =>
  Array.from({ length: 11 }, (_, i) => `ZZZZ-ZZZZ-ZZZZ-${tag}${String(i).padStart(2, "0")}`);

test("a forged X-Forwarded-For from an untrusted peer does not make a new client for the tracking brake", async ({
  baseURL,
}) => {
  expect(await postTrackingCode(baseURL!, UNTRUSTED_PEER, wrongCodes("ZY"))).toEqual([
    ...Array<string>(10).fill("unknown"),
    "rate_limited",
  ]);
});

/** Eleven wrong passwords for `username` as `from`, each claiming a new forwarded address; the error code of each. */
async function wrongPasswords(baseURL: string, from: string, username: string): Promise<string[]> {
  const csrf = await send(baseURL, "/api/auth/csrf", { from });
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const errors: string[] = [];
  for (let i = 0; i < 11; i++) {
    const body = Buffer.from(
      new URLSearchParams({ csrfToken, username, password: `tebakan-${i}`, json: "true" }).toString(),
    );
    const answer = await send(baseURL, "/api/auth/callback/credentials", {
      method: "POST",
      from,
      body,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie,
        "x-auth-return-redirect": "1",
        "x-forwarded-for": forgedAddress(),
      },
    });
    const url = (JSON.parse(answer.text) as { url: string }).url;
    errors.push(new URL(url).searchParams.get("error") ?? "none");
  }
  return errors;
}

test("a forged X-Forwarded-For from an untrusted peer does not escape the sign-in throttle", async ({ baseURL }) => {
  test.setTimeout(180_000);
  expect(await wrongPasswords(baseURL!, UNTRUSTED_PEER, "penyusup")).toEqual([
    ...Array<string>(10).fill("invalid"),
    "throttled",
  ]);
});

test("behind the trusted proxy each forwarded address is its own client", async ({ baseURL }) => {
  // From 127.0.0.1 (trusted) the header is believed: 11 wrong codes from 11 addresses meet no brake.
  expect(await postTrackingCode(baseURL!, "127.0.0.1", wrongCodes("ZX"))).toEqual(Array<string>(11).fill("unknown"));
});

test("behind the trusted proxy each forwarded address has its own sign-in budget", async ({ baseURL }) => {
  test.setTimeout(180_000);
  expect(await wrongPasswords(baseURL!, "127.0.0.1", "penyusup-lain")).toEqual(Array<string>(11).fill("invalid"));
});
