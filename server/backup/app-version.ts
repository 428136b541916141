import fs from "node:fs";
import path from "node:path";

/** The app's version from package.json in the app root (the working directory of every entry point). */
export const APP_VERSION: string = (() => {
  try {
    const file = path.join(/* turbopackIgnore: true */ process.cwd(), "package.json");
    return (JSON.parse(fs.readFileSync(file, "utf8")) as { version?: string }).version ?? "unknown";
  } catch {
    return "unknown";
  }
})();
