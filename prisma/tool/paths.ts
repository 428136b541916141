import path from "node:path";

/** Schema and migrations, relative to the app root (the working directory of every entry point). */
export function migrationPaths(root = process.cwd()) {
  const schemaPath = path.join(root, "prisma", "schema.prisma");
  return { schemaPath, migrationsDir: path.join(root, "prisma", "migrations") };
}
