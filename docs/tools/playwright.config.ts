/**
 * Screenshots for the README, made against the same production server as the e2e journeys:
 *   npm run build && npx playwright test --config docs/tools/playwright.config.ts
 */
import { defineConfig } from "@playwright/test";
import base from "../../playwright.config.ts";

const root = new URL("../../", import.meta.url).pathname;
const webServer = Array.isArray(base.webServer) ? base.webServer[0] : base.webServer;

export default defineConfig({
  ...base,
  testDir: ".",
  testMatch: ["screenshots.spec.ts"],
  webServer: { ...webServer!, cwd: root },
});
