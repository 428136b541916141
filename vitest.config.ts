/**
 * Unit and integration tests.
 *
 * - `pglite` project: every `*.test.ts`, integration tests on in-memory PGlite.
 * - `postgres` project (only when TEST_DATABASE_URL is set): the integration tests
 *   (`*.int.test.ts`) again, on fresh databases of that PostgreSQL server. Pure unit
 *   tests do not touch a database, so running them twice would only cost time.
 * Tests learn their backend from LENTERA_TEST_BACKEND (see server/testing/test-db.ts).
 */
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Config files may read process.env; app code reads it only through server/env.ts.
const testDatabaseUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;

const root = fileURLToPath(new URL(".", import.meta.url));
const exclude = ["**/node_modules/**", "**/.next/**", "e2e/**", "data/**", "bench/floor/**"];

export default defineConfig({
  resolve: {
    alias: {
      // `server-only` throws outside a React Server Components build; its own
      // `react-server` export is this empty file.
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
      "@/": root,
    },
  },
  test: {
    environment: "node",
    // Code under test that calls env() gets fresh keys instead of writing ./data/secrets.json.
    env: {
      LENTERA_MASTER_KEY: randomBytes(32).toString("base64"),
      LENTERA_TRACKING_KEY: randomBytes(32).toString("base64"),
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    },
    exclude,
    // Installs the PDF renderer the domain's letters use (the server's edges install it themselves).
    setupFiles: ["./server/pdf/install.ts"],
    // PGlite start (~1-4 s) and the WASM schema engine (~2-7 s per migration run) are slow.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Vitest's default here would be one worker (cores - 1); test files mostly wait on
    // single-threaded PGlite/WASM work, so two run side by side on two cores.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "pglite",
          include: ["**/*.test.ts"],
          env: { LENTERA_TEST_BACKEND: "pglite" },
        },
      },
      ...(testDatabaseUrl
        ? [
            {
              extends: true as const,
              test: {
                name: "postgres",
                include: ["**/*.int.test.ts"],
                env: { LENTERA_TEST_BACKEND: "postgres", TEST_DATABASE_URL: testDatabaseUrl },
              },
            },
          ]
        : []),
    ],
  },
});
