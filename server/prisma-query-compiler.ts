/**
 * Prisma's query compiler (WebAssembly), read from @prisma/client's file when the client first
 * compiles a query. The generated client imports it as a module whose only export is the 4.6 MB
 * module as base64 text; a module is never unloaded, so the heap would keep that text twice (the
 * module's source and its string, ~9 MB) for the life of the process. Read here, the text is
 * garbage once the module is compiled.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { GetPrismaClientConfig } from "@prisma/client/runtime/client";

/**
 * The file the generated client imports, named after its config (compiler build and database):
 * `./query_compiler_fast_bg.js` and "postgresql" → `query_compiler_fast_bg.postgresql.wasm-base64.js`.
 * Relative to the app root (the working directory of every entry point).
 */
export function queryCompilerFile(config: GetPrismaClientConfig, root = process.cwd()): string {
  const build = path.basename(config.compilerWasm?.importName ?? "", ".js");
  const name = `${build}.${config.activeProvider}.wasm-base64.js`;
  return path.join(root, "node_modules", "@prisma", "client", "runtime", name);
}

/** The file is `const wasm = "<base64>"` and an export; the module is the text between the quotes. */
export async function readQueryCompiler(file: string): Promise<WebAssembly.Module> {
  const text = await fs.readFile(file, "latin1");
  const start = text.indexOf('"') + 1;
  const end = text.indexOf('"', start);
  if (start === 0 || end < 0) throw new Error(`no base64 text in ${file}`);
  return new WebAssembly.Module(Buffer.from(text.slice(start, end), "base64"));
}

/**
 * The client's config with the compiler read from its file (PrismaClient's `configOverride`).
 * Where the file cannot be read (a server started outside the app root, a Prisma release that
 * names it otherwise) the client imports the compiler as before: more memory, never a failed query.
 */
export function withQueryCompilerFromFile(config: GetPrismaClientConfig): GetPrismaClientConfig {
  const compiler = config.compilerWasm;
  if (!compiler) return config;
  const file = queryCompilerFile(config);
  const getQueryCompilerWasmModule = () => readQueryCompiler(file).catch(() => compiler.getQueryCompilerWasmModule());
  return { ...config, compilerWasm: { ...compiler, getQueryCompilerWasmModule } };
}

/**
 * PrismaClient's option that applies it. `__internal.configOverride` is in Prisma's runtime types
 * (and accepted by its constructor) but left out of the generated client's options type, hence
 * the type's erasure here.
 */
export const queryCompilerFromFile = { __internal: { configOverride: withQueryCompilerFromFile } } as object;
