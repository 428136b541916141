import { describe, expect, it } from "vitest";
import { replaceSection } from "./performance-doc.ts";

describe("replaceSection", () => {
  const begin = "<!-- bench:single begin (written by npm run bench) -->";
  const end = "<!-- bench:single end -->";

  it("appends a missing section with its markers", () => {
    expect(replaceSection("# Performance\n\nHow to read it.\n", "single", "| a |\n")).toBe(
      `# Performance\n\nHow to read it.\n\n${begin}\n| a |\n${end}\n`,
    );
  });

  it("replaces only its own section, keeping the text around it and the other section", () => {
    const doc = `intro\n${begin}\nold\n${end}\nmiddle\n<!-- bench:scale-out begin (written by npm run bench) -->\nother\n<!-- bench:scale-out end -->\noutro\n`;
    const next = replaceSection(doc, "single", "new");
    expect(next).toBe(doc.replace("\nold\n", "\nnew\n"));
    expect(replaceSection(next, "single", "new")).toBe(next);
  });
});
