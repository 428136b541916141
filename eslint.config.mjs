import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layers (docs/architecture.md): each zone names a folder (`target`) and what it must not
// import (`from`). An import against the arrow, or any import cycle, fails the lint.
const APP = [
  "./app",
  "./components",
  "./server/routers",
  "./server/trpc",
  "./server/http",
  "./server/auth",
  "./server/pdf",
];
const layers = [
  // Domain rules are plain functions: no pages, no HTTP, no sessions, no PDF drawing.
  {
    target: "./server/domain",
    from: APP,
    message: "server/domain must not import app, components or server/{routers,trpc,http,auth,pdf}.",
  },
  // Libraries (format parsers) know nothing of the application.
  {
    target: "./server/lib",
    from: ["./app", "./components", "./server", "./prisma", "./i18n"],
    except: ["./lib"],
    message: "server/lib must not import the application.",
  },
  // PDF rendering draws what the domain computed; it never reaches back to the edge.
  {
    target: "./server/pdf",
    from: ["./app", "./components", "./server/routers", "./server/trpc", "./server/http", "./server/auth"],
    message: "server/pdf must not import app, components or server/{routers,trpc,http,auth}.",
  },
  // HTTP adapters serve app's routes; portal and staff share only server/http's own files.
  {
    target: "./server/http/portal",
    from: ["./server/http/staff", "./app", "./components", "./server/routers"],
    message: "server/http/portal must not import the staff adapters or the routes.",
  },
  {
    target: "./server/http/staff",
    from: ["./server/http/portal", "./app", "./components", "./server/routers"],
    message: "server/http/staff must not import the portal adapters or the routes.",
  },
  {
    target: "./server/routers",
    from: ["./app", "./components"],
    message: "server/routers must not import app or components.",
  },
  // Components render; they never open the database, a session, a PDF or a file parser themselves.
  {
    target: "./components",
    from: [
      "./app",
      "./server/db.ts",
      "./server/auth",
      "./server/pdf",
      "./server/lib",
      "./server/backup",
      "./server/keys",
      "./server/tools",
      "./server/startup.ts",
      "./prisma",
    ],
    message: "components import pure modules, types and the tRPC client only.",
  },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      "data/**",
      "server/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "bench/floor/**",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  // Tests compose the layers on purpose (a domain test may drive a router), so only code is held to them.
  {
    files: ["**/*.{ts,tsx,mjs}"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: { "import/no-restricted-paths": ["error", { zones: layers }] },
  },
  {
    // Every process opens the database; only a start with pending migrations loads the migration tool.
    files: ["server/db.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/prisma/tool/*", "!**/prisma/tool/paths.ts"],
              allowTypeImports: true,
              message: "Load the migration tool with import() where migrations are applied.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["server/domain/**", "server/lib/**", "server/pdf/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^next(/|$)", message: "Domain, library and PDF code does not depend on Next.js." }] },
      ],
    },
  },
];

export default config;
