"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { localePath } from "@/i18n/routing.ts";
import { getDb } from "@/server/db.ts";
import { env } from "@/server/env.ts";
import { randomToken } from "@/server/domain/crypto.ts";
import { acknowledgeResponse, MESSAGE_MAX, sendReporterMessage } from "@/server/domain/reporter/case-actions.ts";
import { addError, checkFileLimits, chosenFiles, type FieldErrors } from "@/server/domain/reporter/report-form.ts";
import { closeReporterSession, resumeReporterSession } from "@/server/domain/reporter/session.ts";
import { formKey } from "@/server/domain/idempotency.ts";
import { trackSignIn } from "@/server/domain/reporter/track-sign-in.ts";
import { getSetting } from "@/server/domain/settings.ts";
import type { ReplyFormState, TrackFormState } from "@/server/http/portal/form-state.ts";
import { handleFormPost } from "@/server/http/portal/form-post.ts";
import {
  assertSameSitePost,
  clearReporterCookie,
  clientAddress,
  postedLocale,
  reporterToken,
  setReporterCookie,
  trackingLimiter,
} from "@/server/http/portal/request-context.ts";
import { sanitizeFiles } from "@/server/http/portal/uploads.ts";
import { publicFailure } from "@/server/security/internal-errors.ts";

const casePath = (fd: FormData) => localePath(postedLocale(fd.get("locale")), "/lacak/kasus");
const trackPath = (fd: FormData) => localePath(postedLocale(fd.get("locale")), "/lacak");

/** Tracking-code sign-in: opens the reporter session and goes to the case page. */
export async function signInWithCode(_previous: TrackFormState, fd: FormData): Promise<TrackFormState> {
  await assertSameSitePost(fd, "track");
  const code = String(fd.get("code") ?? "").slice(0, 64);
  let result;
  try {
    result = await trackSignIn(
      await getDb(),
      { trackingKey: env().secrets.trackingKey, limiter: trackingLimiter() },
      await clientAddress(),
      code,
    );
  } catch (error) {
    return { code, error: publicFailure(error, "tracking sign-in").code === "UNAVAILABLE" ? "unavailable" : "server" };
  }
  if (!result.ok) return { code, error: result.reason };
  await setReporterCookie(result.token);
  redirect(casePath(fd));
}

/** A reporter's message to the office, with optional files. */
export async function sendMessage(previous: ReplyFormState, fd: FormData): Promise<ReplyFormState> {
  return handleFormPost(
    fd,
    "reply",
    () => send(previous, fd),
    () => ({
      body: String(fd.get("body") ?? ""),
      errors: {},
      idempotencyKey: formKey(String(fd.get("idempotencyKey") ?? "")),
      attempt: previous.attempt + 1,
      failed: "unavailable",
    }),
  );
}

async function send(previous: ReplyFormState, fd: FormData): Promise<ReplyFormState> {
  const db = await getDb();
  const who = await resumeReporterSession(db, await reporterToken());
  if (!who) redirect(trackPath(fd));
  const attempt = previous.attempt + 1;
  const body = String(fd.get("body") ?? "");
  const posted = String(fd.get("idempotencyKey") ?? "");
  const idempotencyKey = formKey(posted);
  const errors: FieldErrors = {};
  if (!body.trim()) addError(errors, "body", { code: "required" });
  else if (body.trim().length > MESSAGE_MAX) addError(errors, "body", { code: "too_long", max: MESSAGE_MAX });
  const limits = await getSetting(db, "uploads.limits");
  const files = chosenFiles(fd);
  checkFileLimits(files, limits, errors, "replyFiles");
  const sanitized = Object.keys(errors).length === 0 ? await sanitizeFiles(files, limits, errors, "replyFiles") : [];
  if (Object.keys(errors).length > 0) return { body, errors, idempotencyKey, attempt };
  try {
    await sendReporterMessage(db, env().secrets.masterKey, who, {
      body: body.trim(),
      files: sanitized,
      idempotencyKey,
    });
  } catch (error) {
    const failure = publicFailure(error, "reporter message");
    if (failure.reason === "case.archived") return { body, errors: {}, idempotencyKey, attempt, failed: "closed" };
    if (failure.code === "UNAVAILABLE") throw error;
    return { body, errors: {}, idempotencyKey, attempt, failed: "server" };
  }
  // Sent: the page's thread is re-rendered with the new message (with JavaScript; without it the
  // post's response already is the fresh page), and the form starts empty with a new key.
  refresh();
  return { body: "", errors: {}, idempotencyKey: randomToken(), attempt, sent: true };
}

/** Step 7 from the portal: "Saya telah menerima tanggapan". */
export async function acknowledge(fd: FormData): Promise<void> {
  await assertSameSitePost(fd, "acknowledge");
  const db = await getDb();
  const who = await resumeReporterSession(db, await reporterToken());
  if (!who) redirect(trackPath(fd));
  try {
    await acknowledgeResponse(db, who);
  } catch (error) {
    // The page shows the case as it is now; a stale button simply has no effect.
    publicFailure(error, "acknowledgement");
  }
  redirect(casePath(fd));
}

export async function signOut(fd: FormData): Promise<void> {
  await assertSameSitePost(fd, "signOut");
  await closeReporterSession(await getDb(), await reporterToken());
  await clearReporterCookie();
  redirect(trackPath(fd));
}
