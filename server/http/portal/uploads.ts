import "server-only";
import { addError, type FieldErrors } from "../../domain/reporter/report-form.ts";
import type { SettingValue } from "../../domain/settings.ts";
import { sanitizeUpload, type SanitizedFile } from "../../domain/uploads/sanitize.ts";

/**
 * Checks every file by content and strips its metadata (in the sanitiser pool, off the request
 * thread); refusals become field errors naming the file. Runs before anything is written, so a
 * refused file means no report, reply or message at all.
 */
export async function sanitizeFiles(
  files: File[],
  limits: SettingValue<"uploads.limits">,
  errors: FieldErrors,
  field = "files",
): Promise<SanitizedFile[]> {
  const kept: SanitizedFile[] = [];
  // One at a time: a post holds at most one worker, so one sender's files cannot occupy the
  // whole pool while other people's wait.
  for (const file of files) {
    const bytes = Buffer.from(await file.arrayBuffer());
    const result = await sanitizeUpload(
      { bytes, fileName: file.name, transfer: true },
      { maxBytes: limits.maxFileBytes, allowedMimes: limits.allowedTypes },
    );
    if (result.ok) kept.push(result.file);
    else addError(errors, field, { code: result.reason, file: file.name, max: limits.maxFileBytes });
  }
  return kept;
}
