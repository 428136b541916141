/**
 * Why an evidence file is refused.
 * `unsafe`: the file could not be processed within the safety budget (a decompression bomb,
 * too many parts, too long) or carries active content that cannot be removed safely.
 * `busy`: too many files are already waiting for a sanitiser; nothing is wrong with this one.
 */
export type RefusalReason = "empty" | "too_large" | "unsupported_type" | "damaged" | "unsafe" | "busy";
