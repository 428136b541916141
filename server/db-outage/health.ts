/**
 * Whether the database is currently unavailable, as last seen by a query (adapter-guard.ts).
 * The change is logged once each way, with the driver's reason; while it is down a probe
 * (one cheap query every few seconds) notices its return without waiting for a visitor.
 * Kept on globalThis: Next.js may load this module more than once in one process.
 */
export interface Outage {
  reason: string;
  since: number;
}

interface Health {
  outage: Outage | null;
  label: string;
  probe?: { owner: object; run: () => Promise<unknown> };
  timer?: ReturnType<typeof setInterval>;
  /** Where the two lines go (tests capture them). */
  log: { down: (line: string) => void; up: (line: string) => void };
}

const PROBE_MS = 2_000;

const g = globalThis as unknown as { lenteraDbHealth?: Health };
const health = (): Health =>
  (g.lenteraDbHealth ??= {
    outage: null,
    label: "database",
    log: { down: (l) => console.error(l), up: (l) => console.log(l) },
  });

/** The current outage, or null while queries succeed. */
export function databaseOutage(): Outage | null {
  return health().outage;
}

/** Names the database in the two log lines ("PostgreSQL", "embedded PGlite in …"). */
export function setDatabaseLabel(label: string): void {
  health().label = label;
}

/** Tests: where the lines go, and a fresh state. */
export function resetDatabaseHealth(log?: Health["log"]): void {
  const h = health();
  if (h.timer) clearInterval(h.timer);
  g.lenteraDbHealth = { outage: null, label: h.label, log: log ?? h.log };
}

/** A query failed because the database is unavailable. */
export function noteUnavailable(reason: string, now = Date.now()): void {
  const h = health();
  if (h.outage) return;
  h.outage = { reason, since: now };
  h.log.down(`Lentera: database unavailable (${h.label}): ${reason}; answering 503 until it is back`);
  startProbe(h);
}

/**
 * A query succeeded. One started before the outage began says nothing about now (it may have
 * finished on a connection that was about to die), so only later ones end it.
 */
export function noteAvailable(startedAt: number, now = Date.now()): void {
  const h = health();
  if (!h.outage || startedAt < h.outage.since) return;
  const seconds = Math.round((now - h.outage.since) / 1000);
  h.outage = null;
  if (h.timer) clearInterval(h.timer);
  h.timer = undefined;
  h.log.up(`Lentera: database available again (${h.label}) after ${seconds} s`);
}

/** The query the probe runs while the database is down (the newest open connection's). */
export function setProbe(owner: object, run: () => Promise<unknown>): void {
  health().probe = { owner, run };
}

export function dropProbe(owner: object): void {
  const h = health();
  if (h.probe?.owner === owner) h.probe = undefined;
}

function startProbe(h: Health) {
  if (h.timer) return;
  let running = false;
  h.timer = setInterval(() => {
    const probe = health().probe;
    if (running || !probe) return;
    running = true;
    // Its success or failure is noted by the guard that runs it; nothing to do here.
    probe
      .run()
      .catch(() => {})
      .finally(() => (running = false));
  }, PROBE_MS);
  h.timer.unref?.();
}
