import { createElement as h } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SMALL, type ProtectedTable } from "@/server/domain/statistics/suppression.ts";
import { StatSection } from "./stat-section.tsx";
import { statSectionHtml } from "./stat-section-html.ts";

const text = {
  title: `Jenis "pelanggaran" & <lain>`,
  chart: "Diagram batang: Jenis pelanggaran.",
  keyHeader: "Jenis",
  countHeader: "Jumlah",
  totalLabel: "Jumlah seluruhnya",
  withheld: "Tidak diterbitkan.",
};
const format = (n: number) => new Intl.NumberFormat("id-ID").format(n);
const label = (key: string) => `Label ${key}'s`;

describe("statSectionHtml renders what <StatSection> renders", () => {
  const tables: Record<string, ProtectedTable> = {
    "exact counts, a small cell and an unpublished one": {
      withheld: false,
      cells: [
        { key: "A", shown: 12_345 },
        { key: "B", shown: SMALL },
        { key: "C", shown: null },
        { key: "D", shown: 0 },
      ],
      total: 12_350,
    },
    "a withheld table": { withheld: true, cells: [{ key: "A", shown: 4 }], total: null },
    "no rows": { withheld: false, cells: [], total: 0 },
  };
  for (const [name, table] of Object.entries(tables)) {
    it(name, () => {
      const props = { id: "byCategory", text, table, label, format };
      expect(statSectionHtml(props).value).toBe(renderToString(h(StatSection, props)));
    });
  }
});
