/**
 * The portal's forms posted exactly as a browser with JavaScript off sends them: the page's
 * hidden React server-action fields first, then the visible fields in page order, as
 * multipart/form-data with `Origin: null` (Referrer-Policy: no-referrer) and Sec-Fetch-Site.
 */
import { randomBytes } from "node:crypto";
import sharp from "sharp";
import type { RequestSpec, ScenarioContext } from "./request-spec.ts";

export type Field = readonly [name: string, value: string];
export interface FilePart {
  name: string;
  fileName: string;
  type: string;
  bytes: Buffer;
}

/** What a browser adds to its own plain form post (the app checks Sec-Fetch-Site itself). */
export const NO_JS_POST_HEADERS = { Origin: "null", "Sec-Fetch-Site": "same-origin" } as const;

/** The server accepts idempotency keys matching /^[A-Za-z0-9_-]{16,64}$/; this gives 32 such characters. */
export const freshKey = (): string => randomBytes(24).toString("base64url");

const ENTITIES: Record<string, string> = { quot: '"', amp: "&", lt: "<", gt: ">", apos: "'", "#39": "'", "#x27": "'" };
const unescapeHtml = (s: string) => s.replace(/&(quot|amp|lt|gt|apos|#39|#x27);/g, (_, e: string) => ENTITIES[e]!);

/** The hidden inputs of the page's first <form>, in page order, values unescaped. */
export function hiddenFields(html: string): Field[] {
  const form = html.match(/<form\b[^>]*>([\s\S]*?)<\/form>/)?.[1];
  if (form === undefined) throw new Error("no <form> in the page");
  const fields: Field[] = [];
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const attrs = Object.fromEntries(
      [...tag.matchAll(/([\w$:-]+)="([^"]*)"/g)].map(([, k, v]) => [k!, unescapeHtml(v!)]),
    );
    if (attrs.type === "hidden" && attrs.name) fields.push([attrs.name, attrs.value ?? ""]);
  }
  if (!fields.some(([name]) => name.startsWith("$ACTION_"))) throw new Error("the form has no server-action fields");
  return fields;
}

/** A multipart/form-data body and its Content-Type, with fields and files in the given order. */
export function multipart(parts: (Field | FilePart)[]): { body: Buffer; contentType: string } {
  const boundary = `----LenteraBench${randomBytes(12).toString("hex")}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if (Array.isArray(part)) {
      const [name, value] = part as Field;
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    } else {
      const file = part as FilePart;
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.fileName}"\r\nContent-Type: ${file.type}\r\n\r\n`;
      chunks.push(Buffer.from(head), file.bytes, Buffer.from("\r\n"));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function getHtml(url: string): Promise<string> {
  const res = await fetch(url, { redirect: "manual" });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
  return html;
}

function post(url: string, form: { body: Buffer; contentType: string }): Promise<Response> {
  // A copy as Uint8Array: Node 20 typings do not take a Buffer as a fetch body.
  return fetch(url, {
    method: "POST",
    body: new Uint8Array(form.body),
    headers: { "Content-Type": form.contentType, ...NO_JS_POST_HEADERS },
    redirect: "manual",
  });
}

/** The report form's hidden fields (server action, idempotencyKey), from a fresh GET /lapor. */
export async function reportFormHidden(baseUrl: string): Promise<Field[]> {
  const hidden = hiddenFields(await getHtml(`${baseUrl}/lapor`));
  if (!hidden.some(([name]) => name === "idempotencyKey"))
    throw new Error("the report form has no idempotencyKey field");
  return hidden;
}

/** The whole report form in page order, with `key` as idempotencyKey; the file input sits after `witnesses`. */
export function reportParts(hidden: Field[], key: string, file: FilePart): (Field | FilePart)[] {
  return [
    ...hidden.map(([name, value]): Field => [name, name === "idempotencyKey" ? key : value]),
    ["category", "ILLEGAL_LEVY"],
    [
      "what",
      "Petugas loket perizinan meminta uang Rp 500.000 di luar tarif resmi agar izin usaha saya diproses lebih cepat.",
    ],
    ["personName", "Andi Pratama"],
    ["personPosition", "Petugas loket pelayanan"],
    ["personName", ""],
    ["personPosition", ""],
    ["personName", ""],
    ["personPosition", ""],
    ["where", "Kantor DPMPTSP Kabupaten Lamandau, Nanga Bulik"],
    ["when", "Senin, 16 November 2026, sekitar pukul 10.00"],
    ["how", "Uang diminta secara lisan dan diterima tunai di meja loket tanpa kuitansi."],
    ["evidence", "Foto meja loket saat penyerahan uang."],
    ["witnesses", ""],
    file,
    ["identityMode", "ANONYMOUS"],
    ["identityName", ""],
    ["identityContact", ""],
    ["goodFaith", "on"],
  ];
}

/** What a browser sends for a file input left empty. */
export const NO_FILE: FilePart = {
  name: "files",
  fileName: "",
  type: "application/octet-stream",
  bytes: Buffer.alloc(0),
};

/** Posts one report; returns its tracking code, or throws with what the page said instead. */
export async function submitReport(baseUrl: string, hidden: Field[], file: FilePart): Promise<string> {
  const res = await post(`${baseUrl}/lapor`, multipart(reportParts(hidden, freshKey(), file)));
  const html = await res.text();
  const code = trackingCode(html);
  if (res.status === 200 && code) return code;
  // The form again: its alert (error summary or server error) says why.
  const alert = html
    .match(/role="alert"[^>]*>([\s\S]*?)<\/(?:div|p)>/)?.[1]
    ?.replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  throw new Error(`POST /lapor answered ${res.status} without a receipt${alert ? `: "${alert}"` : ""}`);
}

/** The receipt's tracking code, or undefined when the page is not a receipt (e.g. the form with errors). */
export function trackingCode(html: string): string | undefined {
  return html.match(/data-testid="tracking-code"[^>]*>([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})</)?.[1];
}

/**
 * A ~1 MB 2000×1500 photo-like JPEG (gradient plus seeded noise, so it compresses like a real
 * photo rather than to a few KB) carrying camera EXIF with GPS, which the server must strip.
 */
export async function evidenceJpeg(): Promise<Buffer> {
  const [width, height] = [2000, 1500];
  const raw = Buffer.alloc(width * height * 3);
  let seed = 42;
  for (let i = 0; i < raw.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const pixel = Math.floor(i / 3);
    const base = [((pixel % width) * 255) / width, (Math.floor(pixel / width) * 255) / height, 160][i % 3]!;
    raw[i] = base + ((seed >> 16) % 40);
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .withExif({
      IFD0: { Make: "Samsung", Model: "SM-A525F" },
      IFD2: { DateTimeOriginal: "2026:11:16 10:05:00" },
      IFD3: {
        GPSLatitudeRef: "S",
        GPSLatitude: "1/1 38/1 2400/100",
        GPSLongitudeRef: "E",
        GPSLongitude: "111/1 11/1 2400/100",
      },
    })
    .jpeg({ quality: 85 })
    .toBuffer();
}

/**
 * "report submission (1 MB image)": the full no-JS report post with one ~1 MB photo. Every
 * request carries a fresh idempotency key, written over the template's key at its byte
 * offset. (autocannon's `idReplacement` would fit the key pattern with its 33-character
 * hyperid, but it round-trips the body through a UTF-8 string, which mangles the JPEG bytes.)
 */
export async function buildReportSubmission(ctx: ScenarioContext): Promise<RequestSpec> {
  const [bytes, hidden] = await Promise.all([evidenceJpeg(), reportFormHidden(ctx.baseUrl)]);
  const photo: FilePart = { name: "files", fileName: "IMG_20261116_100500.jpg", type: "image/jpeg", bytes };
  // Two posts with two keys must give two cases, or the run would only measure replays.
  const [first, second] = [
    await submitReport(ctx.baseUrl, hidden, photo),
    await submitReport(ctx.baseUrl, hidden, photo),
  ];
  if (first === second) throw new Error("two reports with different idempotency keys got the same receipt");

  const key = freshKey();
  const { body, contentType } = multipart(reportParts(hidden, key, photo));
  const keyAt = body.indexOf(key);
  const seen = new Set<string>([first, second]);
  return {
    requests: [
      {
        method: "POST",
        path: "/lapor",
        headers: { "Content-Type": contentType, ...NO_JS_POST_HEADERS },
        body,
        setupRequest: (request) => {
          const fresh = Buffer.from(body);
          fresh.write(freshKey(), keyAt, "latin1");
          return { ...request, body: fresh };
        },
      },
    ],
    // Each answer must be the receipt of a NEW case: the form shown again with errors (also a
    // 200), or a replayed receipt, is a failed request.
    verifyBody: (html) => {
      const code = trackingCode(html);
      if (!code || seen.has(code)) return false;
      seen.add(code);
      return true;
    },
  };
}

const TRACKED_CASES = 50;

/** The reporter session cookie from a sign-in answer's Set-Cookie, as "name=value". */
function sessionCookie(headers: Record<string, string | string[]>): string | undefined {
  const setCookie = Object.entries(headers).find(([name]) => name.toLowerCase() === "set-cookie")?.[1];
  return [setCookie ?? []]
    .flat()
    .find((c) => c.startsWith("lentera_lacak="))
    ?.split(";")[0];
}

/**
 * "tracking sign-in + case page": creates TRACKED_CASES cases through the report form (no
 * file), then each connection repeats (a) the no-JS sign-in post with the next valid code
 * (303 + Set-Cookie → /lacak/kasus) and (b) GET /lacak/kasus with that cookie. Only valid
 * codes are used: wrong ones trip the per-client brake (all requests come from 127.0.0.1).
 */
export async function buildTrackingSession(ctx: ScenarioContext): Promise<RequestSpec> {
  const hidden = await reportFormHidden(ctx.baseUrl);
  const codes: string[] = [];
  while (codes.length < TRACKED_CASES) {
    const batch = Math.min(5, TRACKED_CASES - codes.length);
    codes.push(...(await Promise.all(Array.from({ length: batch }, () => submitReport(ctx.baseUrl, hidden, NO_FILE)))));
  }
  const trackHidden = hiddenFields(await getHtml(`${ctx.baseUrl}/lacak`)); // includes locale=id
  const signIns = codes.map((code) => multipart([...trackHidden, ["code", code]]));

  // Check the pair once, so a silent change (no redirect, no cookie, no case) fails loudly.
  const signIn = await post(`${ctx.baseUrl}/lacak`, signIns[0]!);
  await signIn.arrayBuffer();
  const cookie = sessionCookie({ "set-cookie": signIn.headers.getSetCookie() });
  if (signIn.status !== 303 || signIn.headers.get("location") !== "/lacak/kasus" || !cookie) {
    throw new Error(
      `sign-in answered ${signIn.status} → ${signIn.headers.get("location")} ${cookie ? "with" : "without"} the session cookie`,
    );
  }
  const casePage = await fetch(`${ctx.baseUrl}/lacak/kasus`, { headers: { Cookie: cookie }, redirect: "manual" });
  if (casePage.status !== 200 || !(await casePage.text()).includes("WBS-"))
    throw new Error(`the case page answered ${casePage.status} without the case reference`);

  let turn = 0; // shared by all connections: codes rotate across every sign-in
  return {
    requests: [
      {
        method: "POST",
        path: "/lacak",
        headers: NO_JS_POST_HEADERS,
        setupRequest: (request) => {
          const form = signIns[turn++ % signIns.length]!;
          return { ...request, headers: { ...request.headers, "Content-Type": form.contentType }, body: form.body };
        },
        onResponse: (status, _body, context, headers) => {
          context.cookie = status === 303 ? sessionCookie(headers) : undefined;
        },
      },
      {
        method: "GET",
        path: "/lacak/kasus",
        // Without a cookie (sign-in failed) the page still answers 200, "session ended": verifyBody refuses it.
        setupRequest: (request, context) =>
          typeof context.cookie === "string"
            ? { ...request, headers: { ...request.headers, Cookie: context.cookie } }
            : request,
      },
    ],
    // The 303 has an empty body; the case page must show the case reference.
    verifyBody: (html) => html === "" || html.includes("WBS-"),
  };
}
