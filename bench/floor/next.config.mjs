import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The bench's floor: the smallest Next.js app on the same Next.js, React and Node as Lentera,
 * built into its own directory (bench/floor/.next). What Lentera costs per request above it is
 * Lentera's own work. Not part of the product.
 */
const here = path.dirname(fileURLToPath(import.meta.url));

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Packages resolve from the repository's node_modules (two levels up).
  turbopack: { root: path.resolve(here, "../..") },
  outputFileTracingRoot: path.resolve(here, "../.."),
};

export default nextConfig;
