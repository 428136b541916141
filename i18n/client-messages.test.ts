import fs from "node:fs";
import path from "node:path";
import { NextIntlClientProvider } from "next-intl";
import { createElement as h } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ReplyForm } from "@/components/portal/reply-form.tsx";
import type { FieldError, ReplyFormState } from "@/server/http/portal/form-state.ts";
import {
  FRAME_CLIENT_NAMESPACES,
  frameClientMessages,
  PORTAL_CLIENT_NAMESPACES,
  portalClientMessages,
  replyFormClientMessages,
  WORKSPACE_CLIENT_NAMESPACES,
  workspaceClientMessages,
} from "./client-messages.ts";

const root = path.resolve(import.meta.dirname, "..");

/** Client components outside the staff workspace, or (`staff`) inside it. */
function clientFiles(dir: string, staff: boolean): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true }).flatMap((e) => {
    const file = path.join(e.parentPath, e.name);
    if (!e.isFile() || !/\.tsx?$/.test(e.name) || /[\\/]staff[\\/]|\(staff\)/.test(file) !== staff) return [];
    const text = fs.readFileSync(file, "utf8");
    return /^["']use client["']/.test(text) ? [file] : [];
  });
}
const portalClientFiles = (dir: string) => clientFiles(dir, false);

/** The namespaces the files' translators read; a translator without one could read anything. */
function namespacesRead(files: string[]): Set<string> {
  const used = new Set<string>();
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    expect(text, file).not.toMatch(/useTranslations\(\s*\)/);
    for (const m of text.matchAll(/useTranslations\(\s*["'`]([\w]+)/g)) used.add(m[1]!);
    for (const m of text.matchAll(/useTranslations\([^)]*\bas\s+["']([\w]+)/g)) used.add(m[1]!);
  }
  return used;
}

describe("messages sent to the browser with portal pages", () => {
  it("hold every namespace a portal client component reads", () => {
    const files = [...portalClientFiles("components"), ...portalClientFiles("app")];
    expect(files.length).toBeGreaterThan(5);
    const used = new Set<string>();
    for (const file of files) {
      const text = fs.readFileSync(file, "utf8");
      // A translator without a namespace could read anything: the list could not be checked.
      expect(text, file).not.toMatch(/useTranslations\(\s*\)/);
      for (const m of text.matchAll(/useTranslations\(\s*["']([\w]+)/g)) used.add(m[1]!);
    }
    expect([...used].filter((ns) => !(PORTAL_CLIENT_NAMESPACES as readonly string[]).includes(ns))).toEqual([]);
  });

  it("with a staff page's workspace texts hold every namespace a workspace client component reads", () => {
    const files = [...clientFiles("components", true), ...clientFiles("app", true), ...portalClientFiles("components")];
    expect(files.length).toBeGreaterThan(30);
    const used = namespacesRead(files);
    expect([...used].filter((ns) => !(WORKSPACE_CLIENT_NAMESPACES as readonly string[]).includes(ns))).toEqual([]);
    expect(Object.keys(workspaceClientMessages("id")).sort()).toEqual([...WORKSPACE_CLIENT_NAMESPACES].sort());
  });

  it("on a staff page or the case page hold what the frame's client components read: the error boundary and the kit", () => {
    const files = [
      path.join(root, "app/[locale]/error.tsx"),
      ...clientFiles("components/ui", false),
      ...fs
        .readdirSync(path.join(root, "components"))
        .filter((f) => /\.tsx?$/.test(f))
        .map((f) => path.join(root, "components", f))
        .filter((f) => /^["']use client["']/.test(fs.readFileSync(f, "utf8"))),
    ];
    expect(files.length).toBeGreaterThan(3);
    const used = namespacesRead(files);
    expect(used.has("errors")).toBe(true);
    expect([...used].filter((ns) => !(FRAME_CLIENT_NAMESPACES as readonly string[]).includes(ns))).toEqual([]);
    expect(Object.keys(frameClientMessages("en")).sort()).toEqual([...FRAME_CLIENT_NAMESPACES].sort());
  });

  it("are the frame's alone only on the staff pages rendered on the server only, as listed", () => {
    // A new staff page without withWorkspaceTexts gets the frame's texts alone: list it here
    // only if no client component of its own reads texts.
    const staffApp = path.join(root, "app/[locale]/(staff)/staff");
    const unwrapped = fs
      .readdirSync(staffApp, { recursive: true, encoding: "utf8" })
      .filter((f) => /(^|[\\/])page\.tsx$/.test(f))
      .filter((f) => !fs.readFileSync(path.join(staffApp, f), "utf8").includes("withWorkspaceTexts"))
      .map((f) => f.replaceAll("\\", "/"))
      .sort();
    expect(unwrapped).toEqual(["admin/page.tsx", "dasbor/page.tsx", "page.tsx"]);
  });

  it("are those namespaces only, in the page's language", () => {
    const en = portalClientMessages("en");
    expect(Object.keys(en).sort()).toEqual([...PORTAL_CLIENT_NAMESPACES].sort());
    expect(en.outage).not.toEqual(portalClientMessages("id").outage);
  });

  it("on the case page hold every text its reply form reads, in each state it comes back in", () => {
    const codes = ["required", "too_long", "too_many", "too_large", "total_too_large", "unsupported_type"];
    const errors = (codes: string[]): FieldError[] =>
      codes.map((code) => ({ code, max: 5, file: "a.pdf" }) as FieldError);
    const states: Partial<ReplyFormState>[] = [
      {},
      { sent: true },
      { failed: "closed" },
      { failed: "server" },
      { failed: "unavailable" },
      {
        errors: {
          body: errors(codes),
          replyFiles: errors([...codes, "damaged", "unsafe", "busy", "empty"]),
        },
      },
    ];
    for (const locale of ["id", "en"] as const) {
      const missing: string[] = [];
      for (const state of states) {
        const html = renderToString(
          h(NextIntlClientProvider, {
            locale,
            timeZone: "Asia/Jakarta",
            messages: replyFormClientMessages(locale),
            onError: (e: Error) => {
              missing.push(e.message);
            },
            children: h(ReplyForm, {
              action: async (s: ReplyFormState) => s,
              locale,
              initial: { body: "", errors: {}, idempotencyKey: "k".repeat(32), attempt: 1, ...state },
              max: 5000,
              formToken: "t",
              permalink: "/lacak/kasus",
            }),
          }),
        );
        expect(html).toContain("<form");
      }
      expect(missing, locale).toEqual([]);
    }
    // Far less than the portal's texts, which the case page sent before.
    expect(JSON.stringify(replyFormClientMessages("id")).length).toBeLessThan(
      JSON.stringify(portalClientMessages("id")).length / 2,
    );
  });
});
