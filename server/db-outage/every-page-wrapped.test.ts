/**
 * Every page and route answers a database outage with the outage page (503), because each
 * wraps itself (withOutagePage / answeringOutage): a new one that forgets would show a blank
 * 500 again. Left out: pages that only redirect, and routes whose own layer answers an outage
 * (next-auth and tRPC) or that never touch the database.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const APP = path.join(process.cwd(), "app");
const EXEMPT = new Set([
  "app/[locale]/(staff)/staff/admin/page.tsx",
  "app/api/auth/[...nextauth]/route.ts",
  "app/api/trpc/[trpc]/route.ts",
  "app/api/portal/tracking-code/route.ts",
]);

function files(dir: string, name: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    return d.isDirectory() ? files(full, name) : d.name === name ? [path.relative(process.cwd(), full)] : [];
  });
}

describe("outage answers", () => {
  it("every page is wrapped in withOutagePage", () => {
    const bare = files(APP, "page.tsx").filter(
      (f) => !EXEMPT.has(f) && !fs.readFileSync(f, "utf8").includes("withOutagePage("),
    );
    expect(bare).toEqual([]);
  });

  it("every route handler is wrapped in answeringOutage", () => {
    const bare = files(APP, "route.ts").filter(
      (f) => !EXEMPT.has(f) && !fs.readFileSync(f, "utf8").includes("answeringOutage("),
    );
    expect(bare).toEqual([]);
  });
});
