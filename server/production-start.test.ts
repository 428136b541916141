import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { NEXT_BIN, NODE_FLAGS, PRELOAD, PRODUCTION_ENV, nextStartArgs } from "./production-start.ts";

describe("the production start", () => {
  it("is what npm start runs, so the servers the project spawns start as production does", () => {
    const pkg = JSON.parse(fs.readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    const env = Object.entries(PRODUCTION_ENV).map(([name, value]) => `${name}=${value}`);
    expect(pkg.scripts.start).toBe(
      `${env.join(" ")} node ${NODE_FLAGS.join(" ")} --import ${PRELOAD} ${NEXT_BIN} start`,
    );
  });

  it("gives node the heap flags and the preload before Next.js", () => {
    const args = nextStartArgs(3000, "127.0.0.1");
    expect(args.slice(0, NODE_FLAGS.length + 3)).toEqual([...NODE_FLAGS, "--import", PRELOAD, NEXT_BIN]);
  });

  it("caps V8's heap as the memory budget assumes", () => {
    // The limit V8 reports covers the old generation plus the new space (at most 3 × 16 MB).
    const limitMb = Number(
      execFileSync(process.execPath, [
        ...NODE_FLAGS,
        "-e",
        "process.stdout.write(String(require('v8').getHeapStatistics().heap_size_limit / 1048576))",
      ]),
    );
    expect(limitMb).toBeGreaterThanOrEqual(192);
    expect(limitMb).toBeLessThanOrEqual(192 + 3 * 16);
  });
});
