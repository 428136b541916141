/**
 * A signed-in staff session for bench scenarios: next-auth's credentials sign-in over HTTP
 * (CSRF token, password, TOTP code), as the sign-in form does. Returns the Cookie header.
 */
import { timeStep, totpForStep } from "../server/domain/totp.ts";
import { BENCH_STAFF_PASSWORD, type StaffSecrets } from "./database.ts";

/** The server refuses a step at or before the last accepted one: remember each account's. */
const lastStep = new Map<string, number>();

/** A TOTP code for a step the server has not seen for `username`, waiting for the next step if needed. */
async function freshCode(username: string, secret: Buffer): Promise<string> {
  for (;;) {
    const now = timeStep();
    const step = Math.max((lastStep.get(username) ?? 0) + 1, now - 1);
    // Accepted window is ±1 step; the step after `now` could still be early by a second.
    if (step <= now) {
      lastStep.set(username, step);
      return totpForStep(secret, step);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

export async function staffSession(baseUrl: string, secrets: StaffSecrets, username: string): Promise<string> {
  const secret = secrets.get(username);
  if (!secret) throw new Error(`no bench account "${username}"`);
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const body = new URLSearchParams({
    csrfToken,
    username,
    password: BENCH_STAFF_PASSWORD,
    code: await freshCode(username, secret),
    json: "true",
  });
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; ") },
    body,
    redirect: "manual",
  });
  const session = cookiesOf(res).find((c) => c.startsWith("next-auth.session-token="));
  if (!session)
    throw new Error(
      `staff sign-in of ${username} failed: ${res.status} ${res.headers.get("location") ?? (await res.text()).slice(0, 200)}`,
    );
  return session;
}
