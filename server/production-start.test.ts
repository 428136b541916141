import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { NEXT_BIN, PRELOAD, PRODUCTION_ENV } from "./production-start.ts";

describe("the production start", () => {
  it("is what npm start runs, so the servers the project spawns start as production does", () => {
    const pkg = JSON.parse(fs.readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    const env = Object.entries(PRODUCTION_ENV).map(([name, value]) => `${name}=${value}`);
    expect(pkg.scripts.start).toBe(`${env.join(" ")} node --import ${PRELOAD} ${NEXT_BIN} start`);
  });
});
