/** Static: prerendered at build time, served from the build's cache. */
export default function StaticPage() {
  return (
    <main>
      <h1>Lantai</h1>
      <p>Halaman statis.</p>
    </main>
  );
}
