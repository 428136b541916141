import fs from "node:fs";

/** A file's UTF-8 text, or null when there is no such file; any other failure is thrown. */
export function readTextIfPresent(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}
