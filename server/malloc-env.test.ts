import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { MALLOC_ENV } from "./malloc-env.ts";

describe("malloc settings", () => {
  it("npm start sets the same ones as the bench and the Playwright server", () => {
    const pkg = JSON.parse(fs.readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    const start: string = pkg.scripts.start;
    for (const [name, value] of Object.entries(MALLOC_ENV)) expect(start).toContain(`${name}=${value} `);
  });
});
