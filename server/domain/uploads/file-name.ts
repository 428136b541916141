const MAX_LENGTH = 120;
const FALLBACK = "berkas";

// Control characters, bidirectional overrides (which make "gpj.exe" display as "exe.jpg") and
// other invisible format characters, then characters Windows does not allow in file names.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const RESERVED = /[<>:"/\\|?*]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * The reporter's file name reduced to a safe base name with the detected extension:
 * no directories, no control or invisible characters, at most 120 characters.
 */
export function safeFileName(name: string, ext: string): string {
  const base = name.normalize("NFC").split(/[/\\]/).pop() ?? "";
  let stem = base
    .replace(INVISIBLE, "")
    .replace(RESERVED, "_")
    .replace(/\s+/g, " ")
    .replace(/\.[^.\s]{1,10}$/, "") // the claimed extension, replaced below by the detected one
    .replace(/^[\s.]+|[\s.]+$/g, "");
  if (WINDOWS_DEVICE.test(stem)) stem = `${stem}_`;
  // Cut by code points, so no surrogate pair is split.
  const room = MAX_LENGTH - ext.length - 1;
  stem = Array.from(stem)
    .slice(0, room)
    .join("")
    .replace(/[\s.]+$/, "");
  return `${stem || FALLBACK}.${ext}`;
}
