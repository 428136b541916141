/**
 * Screenshots with the sample office year (demo-screenshots.spec.ts), on a server prepared by
 * start-demo-server.ts (seeding the year takes minutes on a busy machine; prepare it first):
 *   npx tsx docs/tools/start-demo-server.ts prepare /tmp/lentera-demo-screenshots
 *   npm run build && npx playwright test --config docs/tools/demo-playwright.config.ts
 */
import { defineConfig } from "@playwright/test";
import base from "../../playwright.config.ts";

const root = new URL("../../", import.meta.url).pathname;
const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  ...base,
  testDir: ".",
  testMatch: ["demo-screenshots.spec.ts"],
  webServer: {
    command: `npx tsx docs/tools/start-demo-server.ts ${port} /tmp/lentera-demo-screenshots`,
    url: `http://127.0.0.1:${port}/`,
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    cwd: root,
  },
});
