import { isDatabaseUnavailable } from "@/server/db-outage/classify.ts";
import { assertSameSitePost } from "./request-context.ts";
import { uploadWorkDone } from "./upload-gate.ts";
import type { FormName } from "@/server/security/form-token.ts";

/**
 * A form post's server action: the same-site check, then `handle`. While the database is
 * unavailable nothing was saved, and the form comes back as typed (`asTyped`, with the same
 * idempotency key, so sending it again can never save it twice) instead of an error page.
 * Once it is handled, a post with files gives its place at the upload gate to the next, even
 * if its sender has left meanwhile (server/http/portal/upload-admission.mjs).
 */
export async function handleFormPost<S>(
  fd: FormData,
  form: FormName,
  handle: () => Promise<S>,
  asTyped: () => S,
): Promise<S> {
  try {
    await assertSameSitePost(fd, form);
    try {
      return await handle();
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      return asTyped();
    }
  } finally {
    uploadWorkDone();
  }
}
