import { describe, expect, it } from "vitest";
import { asksToRunAgain, readLighthouse } from "./lighthouse.ts";
import { lighthouseNote } from "./report.ts";

const category = (score: number | null, ids: string[]) => ({
  score,
  auditRefs: ids.map((id) => ({ id, weight: id === "unweighted" ? 0 : 1 })),
});

describe("the Lighthouse step", () => {
  it("runs a page once more only when Lighthouse itself asks to be run again", () => {
    expect(
      asksToRunAgain(
        "lighthouse / failed: Command failed\nRuntime error encountered: Something went wrong with recording the trace over your page load. Please run Lighthouse again. (NO_NAVSTART)",
      ),
    ).toBe(true);
    expect(asksToRunAgain("lighthouse / failed: Command failed\nRuntime error encountered: (NO_FCP)")).toBe(true);
    expect(asksToRunAgain("lighthouse / failed: spawn /usr/bin/chromium ENOENT")).toBe(false);
    expect(asksToRunAgain("lighthouse /: unreadable report (Unexpected token)")).toBe(false);
  });

  it("reads the three scores and names what kept a page below full marks", () => {
    const result = readLighthouse("/lapor", {
      categories: {
        performance: category(0.93, ["largest-contentful-paint", "total-blocking-time"]),
        accessibility: category(0.96, ["color-contrast", "unweighted"]),
        "best-practices": category(1, ["errors-in-console"]),
      },
      audits: {
        "largest-contentful-paint": { score: 0.7, scoreDisplayMode: "numeric", title: "LCP", displayValue: "3.1 s" },
        "total-blocking-time": { score: 0.95, scoreDisplayMode: "numeric", title: "TBT", displayValue: "150 ms" },
        "color-contrast": { score: 0, scoreDisplayMode: "binary", title: "Contrast" },
        unweighted: { score: 0, scoreDisplayMode: "binary", title: "x" },
        "errors-in-console": { score: 1, scoreDisplayMode: "binary", title: "Console" },
      },
    });
    expect(result).toEqual({
      path: "/lapor",
      performance: 0.93,
      accessibility: 0.96,
      bestPractices: 1,
      findings: ["largest-contentful-paint (3.1 s)", "color-contrast"],
      pass: false,
    });
    expect(lighthouseNote(result)).toBe(
      "FAIL Lighthouse (mobile) /lapor: performance 0.93, accessibility 0.96, best practices 1.00 (targets ≥ 0.95, 1, 1); below full marks: largest-contentful-paint (3.1 s), color-contrast",
    );
  });

  it("passes a page at the targets", () => {
    const full = { score: 1, scoreDisplayMode: "binary", title: "ok" };
    const result = readLighthouse("/", {
      categories: {
        performance: category(0.95, ["a"]),
        accessibility: category(1, ["a"]),
        "best-practices": category(1, ["a"]),
      },
      audits: { a: full },
    });
    expect(result.pass).toBe(true);
    expect(result.findings).toEqual([]);
  });
});
