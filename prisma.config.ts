// Prisma CLI configuration. Only `prisma generate` is used here: migrations run through
// prisma/tool/migrate.ts (the WASM schema engine), see docs/database.md.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
