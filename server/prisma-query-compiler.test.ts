/** The query compiler read from its file is the one the generated client would import. */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import type { GetPrismaClientConfig } from "@prisma/client/runtime/client";
import { describe, expect, it } from "vitest";
import { PrismaClient } from "./generated/prisma/client.ts";
import { queryCompilerFile, readQueryCompiler, withQueryCompilerFromFile } from "./prisma-query-compiler.ts";

/** The generated client's own config, as PrismaClient hands it to `configOverride`. */
function generatedConfig(): GetPrismaClientConfig {
  let seen: GetPrismaClientConfig | undefined;
  const options = {
    adapter: new PrismaPg({ connectionString: "postgresql://nobody@127.0.0.1:1/none" }), // never connected
    __internal: { configOverride: (config: GetPrismaClientConfig) => (seen = config) },
  };
  new PrismaClient(options as ConstructorParameters<typeof PrismaClient>[0]);
  if (!seen) throw new Error("PrismaClient did not call configOverride");
  return seen;
}

describe("query compiler from its file", () => {
  it("is the module the generated client imports", async () => {
    const config = generatedConfig();
    await expect(fs.access(queryCompilerFile(config))).resolves.toBeUndefined();
    const fromFile = await withQueryCompilerFromFile(config).compilerWasm!.getQueryCompilerWasmModule();
    const imported = await config.compilerWasm!.getQueryCompilerWasmModule();
    expect(WebAssembly.Module.exports(fromFile!)).toEqual(WebAssembly.Module.exports(imported!));
    expect(WebAssembly.Module.imports(fromFile!)).toEqual(WebAssembly.Module.imports(imported!));
    expect(WebAssembly.Module.exports(fromFile!)).toContainEqual({ name: "querycompiler_compile", kind: "function" });
  });

  it("falls back to the imported compiler when its file cannot be read", async () => {
    const config = generatedConfig();
    // A compiler build Prisma does not ship: no such file.
    const elsewhere = { ...config, compilerWasm: { ...config.compilerWasm!, importName: "./no_such_compiler_bg.js" } };
    await expect(fs.access(queryCompilerFile(elsewhere))).rejects.toThrow();
    const fallback = await withQueryCompilerFromFile(elsewhere).compilerWasm!.getQueryCompilerWasmModule();
    expect(WebAssembly.Module.exports(fallback!)).toContainEqual({ name: "querycompiler_compile", kind: "function" });
  });

  it("refuses a file without the base64 text", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "lentera-compiler-"));
    const file = path.join(dir, "empty.js");
    await fs.writeFile(file, "module.exports = {}\n");
    try {
      await expect(readQueryCompiler(file)).rejects.toThrow(/no base64 text/);
    } finally {
      await fs.rm(dir, { recursive: true });
    }
  });
});
