import { headers } from "next/headers";

/** Rendered per request (reads the request's nonce), like every Lentera page. */
export default async function DynamicPage() {
  const nonce = (await headers()).get("x-nonce") ?? "";
  return (
    <main>
      <h1>Lantai</h1>
      <p data-nonce-length={nonce.length}>Halaman dinamis.</p>
    </main>
  );
}
