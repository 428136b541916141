/**
 * Staff session lifetime through next-auth's own handler (sign-in, the session endpoint,
 * sign-out) and the app's readers of the cookie (tRPC, page guards, download routes): a session
 * ends 8 hours after sign-in whatever happens, ends at once on sign-out for every copy of its
 * cookie, and nothing renews it. Only the request's cookie jar and the database handle are
 * stand-ins; everything else is the real stack.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { TRPCError } from "@trpc/server";

const COOKIE = "next-auth.session-token";
const fake = vi.hoisted(() => ({
  cookie: undefined as string | undefined,
  jar: null as Record<string, string> | null,
  db: undefined as unknown,
}));
vi.mock("next/headers", () => {
  // The request's cookies: the next-auth handler's own jar while it runs, else the session cookie.
  const jar = () => fake.jar ?? (fake.cookie === undefined ? {} : { "next-auth.session-token": fake.cookie });
  return {
    cookies: async () => ({
      get: (name: string) => (jar()[name] === undefined ? undefined : { name, value: jar()[name] }),
      getAll: () => Object.entries(jar()).map(([name, value]) => ({ name, value })),
    }),
    headers: async () => new Headers({ host: "localhost:3105" }),
  };
});
vi.mock("../db.ts", async (original) => ({
  ...(await original<typeof import("../db.ts")>()),
  getDb: async () => fake.db,
}));

// next-auth's core handler; its package does not export the path, so it is loaded by file.
const { AuthHandler } = (await import("../../node_modules/next-auth/core/index.js" as string)) as {
  AuthHandler: (params: { req: unknown; options: unknown }) => Promise<unknown>;
};
const { authOptions } = await import("./options.ts");
const { openTestDb } = await import("../testing/test-db.ts");
const { seedDemo } = await import("../../prisma/seed-data.ts");
const { appRouter } = await import("../routers/_app.ts");
const { createCallerFactory } = await import("../trpc/init.ts");
const { currentStaff, workingStaff, currentEnrolment, sessionClaims } = await import("./staff-session.ts");
const { env } = await import("../env.ts");
const { confirmEnrolment, startEnrolment } = await import("./second-factor.ts");
const { base32Decode, timeStep, totpForStep } = await import("../domain/totp.ts");

const PASSWORD = "uji-Kata-Sandi-2026";
const HOURS = 60 * 60 * 1000;
let handle: Awaited<ReturnType<typeof openTestDb>>;

type Reply = { status: number; body: unknown; cookies: Record<string, string> };
/**
 * One request to next-auth's handler with the app's options (what /api/auth/<action> runs; the
 * route's Next.js wrapper only copies the request's cookies and headers in).
 */
async function auth(
  action: string,
  request: {
    method?: string;
    body?: Record<string, string>;
    cookies?: Record<string, string>;
    providerId?: string;
  } = {},
): Promise<Reply> {
  const req = {
    method: request.method ?? "GET",
    action,
    providerId: request.providerId,
    query: {},
    body: request.body ?? {},
    cookies: request.cookies ?? {},
    headers: { host: "localhost:3105" },
  };
  const reply = (await AuthHandler({ req, options: authOptions() })) as {
    status?: number;
    body?: unknown;
    cookies?: { name: string; value: string }[];
  };
  return {
    status: reply.status ?? 200,
    body: reply.body,
    cookies: Object.fromEntries((reply.cookies ?? []).map((c) => [c.name, c.value])),
  };
}
const cookieOf = (reply: Reply, name: string) => reply.cookies[name];

async function csrf() {
  const reply = await auth("csrf");
  return { token: (reply.body as { csrfToken: string }).csrfToken, cookie: cookieOf(reply, "next-auth.csrf-token")! };
}

/** A full sign-in (password and an unused backup code) through next-auth's credentials callback; returns the session cookie. */
let backupCodes: string[] = [];
async function signIn(): Promise<string> {
  const { token, cookie } = await csrf();
  const reply = await auth("callback", {
    method: "POST",
    providerId: "credentials",
    body: { csrfToken: token, username: "kadis", password: PASSWORD, code: backupCodes.shift()! },
    cookies: { "next-auth.csrf-token": cookie },
  });
  const session = cookieOf(reply, COOKIE);
  expect(session, "signed in").toBeTruthy();
  return session!;
}

async function signOut(session: string) {
  const { token, cookie } = await csrf();
  const reply = await auth("signout", {
    method: "POST",
    body: { csrfToken: token },
    cookies: { "next-auth.csrf-token": cookie, [COOKIE]: session },
  });
  expect(cookieOf(reply, COOKIE)).toBe(""); // the browser's copy is cleared as before
}

/** What each reader of the cookie makes of `cookie` (undefined: no cookie at all). */
async function asSeenWith(cookie: string | undefined) {
  fake.cookie = cookie;
  const caller = createCallerFactory(appRouter)({ db: handle.db, staff: () => currentStaff(handle.db) });
  let trpc = "OK";
  try {
    await caller.cases.list({});
  } catch (error) {
    trpc = error instanceof TRPCError ? error.code : String(error);
  }
  const sessionReply = await auth("session", { cookies: cookie === undefined ? {} : { [COOKIE]: cookie } });
  const routes: Record<string, number> = {};
  const id = "00000000-0000-7000-8000-000000000000";
  const { GET: statistics } = await import("@/app/api/staff/statistics/route.ts");
  const { GET: agenda } = await import("@/app/api/staff/agenda/route.ts");
  const { GET: attachment } = await import("@/app/api/staff/attachment/[id]/route.ts");
  const { GET: dossier } = await import("@/app/api/staff/dossier/[caseId]/route.ts");
  const { GET: letter } = await import("@/app/api/staff/letter/[id]/route.ts");
  const url = (path: string) => new Request(`http://localhost:3105${path}`);
  routes.statistics = (await statistics(url("/api/staff/statistics?from=2026-01-01&to=2026-12-31"))).status;
  routes.agenda = (await agenda(url("/api/staff/agenda?book=PERMOHONAN&year=2026"))).status;
  routes.attachment = (
    await attachment(url(`/api/staff/attachment/${id}`), { params: Promise.resolve({ id }) })
  ).status;
  routes.dossier = (await dossier(url(`/api/staff/dossier/${id}`), { params: Promise.resolve({ caseId: id }) })).status;
  routes.letter = (await letter(url(`/api/staff/letter/${id}`), { params: Promise.resolve({ id }) })).status;
  const seen = {
    trpc,
    current: (await currentStaff(handle.db))?.id ?? null,
    working: (await workingStaff(handle.db))?.id ?? null,
    enrolment: (await currentEnrolment(handle.db))?.id ?? null,
    session: sessionReply.body,
    routes,
  };
  fake.cookie = undefined;
  return { seen, renewed: cookieOf(sessionReply, COOKIE) };
}

beforeAll(async () => {
  handle = await openTestDb();
  fake.db = handle.db;
  await seedDemo(handle.db, { log: () => {}, password: () => PASSWORD });
  const kadis = await handle.db.staffUser.findUniqueOrThrow({
    where: { username: "kadis" },
    select: { id: true, username: true, sessionVersion: true },
  });
  const masterKey = env().secrets.masterKey;
  const pending = await startEnrolment(handle.db, masterKey, kadis.id);
  backupCodes = await confirmEnrolment(
    handle.db,
    masterKey,
    kadis,
    totpForStep(base32Decode(pending.secret), timeStep(new Date())),
  );
});
afterAll(() => handle?.close());
afterEach(() => {
  vi.useRealTimers();
  fake.cookie = undefined;
});

describe("staff session lifetime", () => {
  it("a signed-out cookie, replayed, answers everywhere exactly like no cookie", async () => {
    const anonymous = (await asSeenWith(undefined)).seen;
    expect(anonymous).toMatchObject({ trpc: "UNAUTHORIZED", current: null, working: null, session: {} });

    const session = await signIn();
    const live = (await asSeenWith(session)).seen;
    expect(live).toMatchObject({ trpc: "OK", routes: { statistics: 200, agenda: 200 } });
    expect(live.current).not.toBeNull();
    expect(live.working).not.toBeNull();

    await signOut(session);
    // A stolen copy of the cookie, kept from before the sign-out.
    const replayed = await asSeenWith(session);
    expect(replayed.seen).toEqual(anonymous);
    expect(replayed.renewed ?? "").toBe("");
  });

  it("signing out ends only that session: another sign-in of the same account keeps working", async () => {
    const first = await signIn();
    const second = await signIn();
    await signOut(first);
    expect((await asSeenWith(first)).seen.trpc).toBe("UNAUTHORIZED");
    expect((await asSeenWith(second)).seen.trpc).toBe("OK");
  });

  it("the token ends 8 hours after sign-in, and the session endpoint does not move that", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date() });
    const signedInAt = Date.now();
    const session = await signIn();
    const exp = await expOf(session);
    expect(exp * 1000).toBeGreaterThan(signedInAt + 8 * HOURS - 5_000);
    expect(exp * 1000).toBeLessThanOrEqual(signedInAt + 8 * HOURS + 1_000);

    // Used all day: every call to the session endpoint hands back a token with the same end.
    let cookie = session;
    for (const hour of [1, 4, 7.5]) {
      vi.setSystemTime(signedInAt + hour * HOURS);
      const { seen, renewed } = await asSeenWith(cookie);
      expect(seen.trpc).toBe("OK");
      expect(renewed).toBeTruthy();
      expect(await expOf(renewed!)).toBe(exp);
      expect((seen.session as { expires: string }).expires).toBe(new Date(exp * 1000).toISOString());
      cookie = renewed!;
    }

    // Past the end: the original and the latest copy are both refused by every reader.
    vi.setSystemTime(signedInAt + 8 * HOURS + 60_000);
    const anonymous = (await asSeenWith(undefined)).seen;
    for (const copy of [session, cookie]) expect((await asSeenWith(copy)).seen).toEqual(anonymous);
  });

  it("past 8 hours the server-side end holds even for a token that would still be accepted", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date() });
    const signedInAt = Date.now();
    const session = await signIn();
    fake.cookie = session;
    const claims = await sessionClaims();
    fake.cookie = undefined;
    // A token with the same claims and next-auth's default 30-day expiry (what sign-in issued before).
    const { encode } = await import("next-auth/jwt");
    const long = await encode({ token: { ...claims }, secret: env().secrets.sessionSecret, maxAge: 30 * 24 * 60 * 60 });
    expect((await asSeenWith(long)).seen.trpc).toBe("OK");
    vi.setSystemTime(signedInAt + 8 * HOURS + 60_000);
    const anonymous = (await asSeenWith(undefined)).seen;
    expect((await asSeenWith(long)).seen).toEqual(anonymous);
  });
});

/** The token's `exp`, read with next-auth's own decoder (the token is encrypted). */
async function expOf(cookie: string): Promise<number> {
  const { decode } = await import("next-auth/jwt");
  const payload = await decode({ token: cookie, secret: env().secrets.sessionSecret });
  return payload!.exp as number;
}

/** The password step alone of an account without a second factor: an enrolment session cookie. */
async function signInToEnrol(username: string): Promise<string> {
  const { token, cookie } = await csrf();
  const reply = await auth("callback", {
    method: "POST",
    providerId: "credentials",
    body: { csrfToken: token, username, password: PASSWORD },
    cookies: { "next-auth.csrf-token": cookie },
  });
  const session = cookieOf(reply, COOKIE);
  expect(session, "enrolment session").toBeTruthy();
  return session!;
}

/** What useSession().update(data) sends: the session endpoint, POST, with the CSRF token. */
async function updateSession(session: string, data: unknown): Promise<string | undefined> {
  const { token, cookie } = await csrf();
  const reply = await auth("session", {
    method: "POST",
    body: { csrfToken: token, data } as unknown as Record<string, string>,
    cookies: { "next-auth.csrf-token": cookie, [COOKIE]: session },
  });
  return cookieOf(reply, COOKIE);
}

/** Confirms the pending second factor of the enrolment session `session`, as the enrolment page does. */
async function activate(session: string): Promise<void> {
  fake.cookie = session;
  const enrolment = await currentEnrolment(handle.db);
  fake.cookie = undefined;
  const masterKey = env().secrets.masterKey;
  const pending = await startEnrolment(handle.db, masterKey, enrolment!.id);
  await confirmEnrolment(
    handle.db,
    masterKey,
    enrolment!,
    totpForStep(base32Decode(pending.secret), timeStep(new Date())),
  );
}

describe("activating the second factor continues into the workspace", () => {
  it("an update without a completed activation grants nothing, whatever the browser claims", async () => {
    const session = await signInToEnrol("telaah");
    const telaah = await handle.db.staffUser.findUniqueOrThrow({
      where: { username: "telaah" },
      select: { id: true, sessionVersion: true },
    });
    const claimed = await updateSession(session, { enrol: false, uid: telaah.id, sv: telaah.sessionVersion + 1 });
    expect(claimed, "the session endpoint answers with the same enrolment session").toBeTruthy();
    const { seen } = await asSeenWith(claimed);
    expect(seen).toMatchObject({
      trpc: "UNAUTHORIZED",
      current: null,
      working: null,
      enrolment: telaah.id,
      session: { enrol: true },
    });
    expect(seen.routes).toMatchObject({ statistics: 401, agenda: 401 });
  });

  it("the activation upgrades that session: one update, and it works for the rest of the working day", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date() });
    const signedInAt = Date.now();
    const session = await signInToEnrol("audit");
    const otherTab = await signInToEnrol("audit");
    vi.setSystemTime(signedInAt + 5 * 60_000);
    await activate(session);

    // The enrolment token itself is spent: it neither enrols nor works until re-issued.
    const spent = (await asSeenWith(session)).seen;
    expect(spent).toMatchObject({ trpc: "UNAUTHORIZED", current: null, enrolment: null });

    const upgraded = await updateSession(session, {});
    const { seen } = await asSeenWith(upgraded);
    expect(seen.trpc).toBe("OK");
    expect(seen.current).not.toBeNull();
    // Signed in: the routes answer by Tim Audit's role (403), not as to a visitor (401).
    expect(seen.routes).toMatchObject({ statistics: 403, agenda: 403 });
    // A working day from the password step, as a sign-in with a code would give.
    expect((await expOf(upgraded!)) * 1000).toBeGreaterThan(signedInAt + 8 * HOURS - 5_000);
    expect((await expOf(upgraded!)) * 1000).toBeLessThanOrEqual(signedInAt + 8 * HOURS + 1_000);

    // The other enrolment session of the account did not activate anything: it ended.
    const other = await updateSession(otherTab, {});
    expect((await asSeenWith(other)).seen).toMatchObject({ trpc: "UNAUTHORIZED", current: null, enrolment: null });
    // Updating the upgraded session again changes nothing.
    expect((await asSeenWith(await updateSession(upgraded!, {}))).seen.trpc).toBe("OK");
  });

  it("an account reset after the activation is not upgraded", async () => {
    const session = await signInToEnrol("pengawas");
    await activate(session);
    // An Admin reset (or a password change) moves the version on before the browser asks.
    await handle.db.staffUser.update({ where: { username: "pengawas" }, data: { sessionVersion: { increment: 1 } } });
    const refused = await updateSession(session, {});
    expect((await asSeenWith(refused)).seen).toMatchObject({ trpc: "UNAUTHORIZED", current: null, enrolment: null });
  });
});
