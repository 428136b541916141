// Runs once when the server starts: check configuration and open (and migrate) the database
// before the first request. Next.js sets these two variables itself; they are framework
// facts, not configuration, so they are read here rather than in server/env.ts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServer } = await import("./server/startup.ts");
  await startServer();
}
