/**
 * The application's side of the preload's upload gate (server/http/portal/upload-admission.mjs),
 * which runs before Next.js and cannot see when an action is done.
 */

const KEY = Symbol.for("lentera.uploadAdmission");

interface Admission {
  workDone?: () => void;
}

const admission = () => ((globalThis as unknown as Record<symbol, Admission | undefined>)[KEY] ??= {});

/**
 * The post being handled has done its work (files sanitised, stored or refused): its place at
 * the gate goes to the next. A post the gate did not hold is not affected.
 */
export function uploadWorkDone(): void {
  admission().workDone?.();
}
