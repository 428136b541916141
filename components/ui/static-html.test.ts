import { createElement as h } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { markup } from "./html.ts";
import { TextField } from "./field.tsx";
import { HeadedSection } from "./headed-section.tsx";
import { Notice } from "./notice.tsx";
import { PageSection } from "./page-section.tsx";
import { DataTable } from "./table.tsx";
import { dataTableHtml, headedSectionHtml, noticeHtml, pageSectionHtml, textFieldHtml } from "./static-html.ts";

// Text with every character React escapes, so a twin that forgot to escape differs.
const odd = `"Tom & Jerry's" <b>`;

describe("the string twins render what the kit's components render", () => {
  it("PageSection, with and without a lead and a class", () => {
    for (const props of [
      { id: "t", title: odd, lead: odd, className: "space-y-3" },
      { id: "t", title: "Judul", size: "portal" as const, leadClassName: "x" },
      { id: "t", title: "Judul", lead: "Kalimat", size: "portal" as const, leadClassName: "x" },
    ]) {
      expect(pageSectionHtml({ ...props, children: markup`<p>isi</p>` }).value).toBe(
        renderToString(h(PageSection, { ...props, children: h("p", null, "isi") })),
      );
    }
  });

  it("HeadedSection, with a box, a class and a test id or none", () => {
    for (const props of [
      { id: "s", title: odd, size: "medium" as const, className: "rounded bg-brand-50 p-4" },
      { id: "s", title: "Judul", box: "note" as const, testId: "x" },
      { id: "s", title: "Judul" },
    ]) {
      expect(headedSectionHtml({ ...props, children: markup`<p>isi</p>` }).value).toBe(
        renderToString(h(HeadedSection, { ...props, children: h("p", null, "isi") })),
      );
    }
  });

  it("Notice", () => {
    expect(noticeHtml({ tone: "warn", role: "alert", children: markup`<p>${odd}</p>` }).value).toBe(
      renderToString(h(Notice, { tone: "warn", role: "alert", children: h("p", null, odd) })),
    );
    expect(noticeHtml({ children: "x" }).value).toBe(renderToString(h(Notice, { children: "x" })));
  });

  it("TextField, required or not", () => {
    for (const props of [
      { id: "from", name: "from", type: "date" as const, label: odd, required: true, defaultValue: "2026-01-01" },
      { id: "q", label: "Cari" },
    ]) {
      expect(textFieldHtml(props).value).toBe(renderToString(h(TextField, props)));
    }
  });

  it("DataTable, with figures right-aligned from a column on", () => {
    const rows = markup`<tr><td>${odd}</td></tr>`;
    const props = { label: odd, head: [odd, "B", "C"], figuresFrom: 1, className: "w-full", testId: "t" };
    expect(dataTableHtml({ ...props, rows }).value).toBe(
      renderToString(h(DataTable, { ...props, children: h("tr", null, h("td", null, odd)) })),
    );
    expect(dataTableHtml({ label: "L", head: ["A"], rows }).value).toBe(
      renderToString(h(DataTable, { label: "L", head: ["A"], children: h("tr", null, h("td", null, odd)) })),
    );
  });
});
