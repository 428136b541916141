import AxeBuilder from "@axe-core/playwright";
import { expect, type BrowserContext, type Page } from "@playwright/test";

export const FIXTURES = "e2e/fixtures";

/** Asserts axe finds nothing on the current page. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
  ).toEqual([]);
}

/** Records the origin of every request the pages of a context make. */
export function recordOrigins(context: BrowserContext): Set<string> {
  const origins = new Set<string>();
  context.on("request", (req) => {
    if (!req.url().startsWith("data:") && !req.url().startsWith("blob:")) origins.add(new URL(req.url()).origin);
  });
  return origins;
}

/** Fills the required parts of the report form. */
export async function fillReport(
  page: Page,
  what = "Petugas loket meminta uang Rp 2.000.000 agar izin usaha cepat terbit.",
) {
  await page.locator("#category").selectOption("ILLEGAL_LEVY");
  await page.locator("#what").fill(what);
  await page.locator("#personName-0").fill("Budi Santoso");
  await page.locator("#personPosition-0").fill("Petugas loket perizinan");
  await page.locator("#where").fill("Mal Pelayanan Publik Nanga Bulik");
  await page.locator("#when").fill("Oktober 2026");
  await page.locator("#how").fill("Diminta langsung di loket, tanpa kuitansi.");
}

/** Width of the page content: nothing may scroll sideways on a 360 px phone. */
export async function expectNoHorizontalScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);
}
