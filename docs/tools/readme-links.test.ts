/**
 * The README is the newcomer's first five minutes: short, and every link in it (and in the
 * docs pages it points at) leads somewhere. Anchors are checked against the target's headings.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** GitHub's heading slug: lower case, punctuation dropped, spaces to hyphens. */
export function headingSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, "")
    .replace(/[^\p{L}\p{N} -]/gu, "")
    .replace(/ /g, "-");
}

function anchorsOf(markdown: string): Set<string> {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, "");
  return new Set([...withoutCode.matchAll(/^#{1,6} +(.+)$/gm)].map((m) => headingSlug(m[1]!)));
}

/** Relative links of a Markdown file that do not resolve, as "link (reason)". */
function brokenLinks(file: string): string[] {
  const text = readFileSync(file, "utf8").replace(/```[\s\S]*?```/g, "");
  const broken: string[] = [];
  for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^[a-z]+:/i.test(target!)) continue;
    const [path, anchor] = target!.split("#");
    const resolved = path ? resolve(dirname(file), path) : file;
    if (!existsSync(resolved)) {
      broken.push(`${target} (no such file)`);
      continue;
    }
    if (anchor && resolved.endsWith(".md") && !anchorsOf(readFileSync(resolved, "utf8")).has(anchor)) {
      broken.push(`${target} (no such heading)`);
    }
  }
  return broken;
}

describe("README and docs", () => {
  it("computes heading anchors the way GitHub does", () => {
    expect(headingSlug("Rotating the master key")).toBe("rotating-the-master-key");
    expect(headingSlug("Backup, restore & keys")).toBe("backup-restore--keys");
  });

  it("keeps the README short enough to read in five minutes", () => {
    expect(readFileSync(join(root, "README.md"), "utf8").split("\n").length).toBeLessThan(200);
  });

  it("has no broken links in the README or the docs pages", () => {
    const files = [
      join(root, "README.md"),
      ...readdirSync(join(root, "docs"))
        .filter((f) => f.endsWith(".md"))
        .map((f) => join(root, "docs", f)),
    ];
    const broken = files.flatMap((f) => brokenLinks(f).map((link) => `${f.slice(root.length + 1)}: ${link}`));
    expect(broken).toEqual([]);
  });
});
