/** Command-line arguments of `npm run bench`, parsed and checked (pure: no I/O). */
import { parseArgs } from "node:util";

export const USAGE =
  "usage: npm run bench -- [--duration S] [--connections N] [--only NAME[,NAME…]] [--no-build] [--no-lighthouse] [--verbose] [--cpu-profile DIR] [--postgres URL [--instances N]] [--scale N,N[,N…]]";

/** A bad command line: run.ts prints the message and exits 1. */
export class UsageError extends Error {
  override name = "UsageError";
}

export interface BenchArgs {
  help: boolean;
  durationS?: number;
  connections?: number;
  /** Lower-cased name fragments; a scenario runs when any matches its name or path. Empty: all. */
  only: string[];
  noBuild: boolean;
  /** Skip the Lighthouse audits of the public pages (a minute or two). */
  noLighthouse: boolean;
  verbose: boolean;
  cpuProfileDir?: string;
  postgres?: string;
  /** 1: the single-server bench; > 1: the scale-out check behind the bench's reverse proxy. */
  instances: number;
  /** Case counts for the growth check (ascending, at least two), or undefined for the usual run. */
  scale?: number[];
}

function positive(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n <= 0)
    throw new UsageError(`--${flag} must be a positive number (got "${value}")\n${USAGE}`);
  return n;
}

const options = {
  duration: { type: "string" },
  connections: { type: "string" },
  only: { type: "string", multiple: true },
  "no-build": { type: "boolean", default: false },
  "no-lighthouse": { type: "boolean", default: false },
  verbose: { type: "boolean", default: false },
  "cpu-profile": { type: "string" },
  postgres: { type: "string" },
  instances: { type: "string" },
  scale: { type: "string" },
  help: { type: "boolean", default: false },
} as const;

export function parseBenchArgs(argv: string[]): BenchArgs {
  let values: ReturnType<typeof parseArgs<{ options: typeof options; args: string[] }>>["values"];
  try {
    ({ values } = parseArgs({ args: argv, options, allowPositionals: false }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${USAGE}`);
  }
  const connections = positive("connections", values.connections);
  const instances = positive("instances", values.instances) ?? 1;
  if (!Number.isInteger(instances))
    throw new UsageError(`--instances must be a whole number (got "${values.instances}")\n${USAGE}`);
  // Two servers cannot share one embedded database (one process owns the data directory).
  if (instances > 1 && !values.postgres)
    throw new UsageError(
      `--instances ${instances} needs --postgres URL: instances share one PostgreSQL database\n${USAGE}`,
    );
  if (values.postgres !== undefined && !/^postgres(ql)?:\/\//.test(values.postgres))
    throw new UsageError(`--postgres must be a postgresql:// URL\n${USAGE}`);
  const scale = values.scale === undefined ? undefined : caseCounts(values.scale);
  if (scale && instances > 1) throw new UsageError(`--scale runs one server; leave out --instances\n${USAGE}`);
  const only = (values.only ?? [])
    .flatMap((v) => v.split(","))
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);
  if (values.only && only.length === 0) throw new UsageError(`--only needs a scenario name\n${USAGE}`);
  return {
    help: values.help,
    durationS: positive("duration", values.duration),
    connections: connections === undefined ? undefined : Math.max(1, Math.round(connections)),
    only,
    noBuild: values["no-build"],
    noLighthouse: values["no-lighthouse"],
    verbose: values.verbose,
    cpuProfileDir: values["cpu-profile"],
    postgres: values.postgres,
    instances,
    ...(scale ? { scale } : {}),
  };
}

/** "1000,10000,100000" → [1000, 10000, 100000]: whole numbers from 1 to 2 000 000 (the seeder's range), rising. */
function caseCounts(value: string): number[] {
  const counts = value.split(",").map((v) => Number(v.trim().replace(/_/g, "")));
  const bad = counts.some((n) => !Number.isInteger(n) || n < 1 || n > 2_000_000);
  if (bad || counts.length < 2 || counts.some((n, i) => i > 0 && n <= counts[i - 1]!)) {
    throw new UsageError(
      `--scale needs two or more rising case counts from 1 to 2000000, e.g. 1000,10000,100000 (got "${value}")\n${USAGE}`,
    );
  }
  return counts;
}

/** Whether `--only` selects a scenario with this name and path (no filter selects all). */
export function selects(only: readonly string[], scenario: { name: string; path: string }): boolean {
  if (only.length === 0) return true;
  const name = scenario.name.toLowerCase();
  return only.some((o) => name.includes(o) || scenario.path.toLowerCase().includes(o));
}
