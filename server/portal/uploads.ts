import "server-only";
import { addError, type FieldErrors } from "../domain/reporter/report-form.ts";
import type { SettingValue } from "../domain/settings.ts";
import { sanitizeUpload, type SanitizedFile } from "../domain/uploads/sanitize.ts";

/** Checks every file by content and strips its metadata; refusals become field errors. */
export async function sanitizeFiles(files: File[], limits: SettingValue<"uploads.limits">, errors: FieldErrors, field = "files"): Promise<SanitizedFile[]> {
  const kept: SanitizedFile[] = [];
  // One at a time: decoding images in parallel would multiply peak memory.
  for (const file of files) {
    const result = await sanitizeUpload({ bytes: Buffer.from(await file.arrayBuffer()), fileName: file.name }, { maxBytes: limits.maxFileBytes, allowedMimes: limits.allowedTypes });
    if (result.ok) kept.push(result.file);
    else addError(errors, field, { code: result.reason, file: file.name, max: limits.maxFileBytes });
  }
  return kept;
}
