import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { routing } from "./routing.ts";
import { messagesFor } from "./messages.ts";

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "messages");
const files = (locale: string) => [
  path.join(dir, `${locale}.json`),
  ...fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => path.join(dir, d.name, `${locale}.json`)),
];

function keys(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object") return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("messages", () => {
  const load = (locale: string) =>
    files(locale).map((f) => JSON.parse(fs.readFileSync(f, "utf8")) as Record<string, unknown>);

  it("have the same keys in every locale, with no empty text", () => {
    const reference = load(routing.defaultLocale).map((m) => keys(m).sort());
    for (const locale of routing.locales) {
      const messages = load(locale);
      expect(messages.map((m) => keys(m).sort())).toEqual(reference);
      for (const m of messages)
        for (const k of keys(m))
          expect(
            k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], m),
            `${locale}: ${k}`,
          ).not.toBe("");
    }
  });

  it("never define a namespace in two files (they are merged into one object)", () => {
    const namespaces = load(routing.defaultLocale).flatMap((m) => Object.keys(m));
    expect(new Set(namespaces).size).toBe(namespaces.length);
  });

  it("are all loaded: every file of every area reaches the pages", () => {
    for (const locale of routing.locales) {
      const fromFiles = load(locale)
        .flatMap((m) => keys(m))
        .sort();
      expect(keys(messagesFor(locale)).sort()).toEqual(fromFiles);
    }
  });
});
