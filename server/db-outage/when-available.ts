import { isDatabaseUnavailable } from "./classify.ts";

/**
 * For a page that can still do its job without the database (a form that must come back with
 * what was typed): the value, or the fallback while the database is unavailable. Any other
 * failure is thrown on. The response is already marked 503 by the adapter guard.
 */
export async function whenAvailable<T, F>(work: () => Promise<T>, fallback: F): Promise<T | F> {
  try {
    return await work();
  } catch (e) {
    if (isDatabaseUnavailable(e)) return fallback;
    throw e;
  }
}
