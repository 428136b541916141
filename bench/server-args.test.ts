import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { nextStartArgs } from "../server/production-start.ts";
import { nextBin, PROFILING_HEAP_MB, profilingNote, serverArgs } from "./server.ts";

const root = "/app";

describe("the bench server's node arguments", () => {
  it("are the production start when not profiling", () => {
    expect(serverArgs(4000, root)).toEqual(nextStartArgs(4000, "127.0.0.1", nextBin(root)));
  });

  it("profile with a heap that can hold the profile, and change nothing else", () => {
    const production = nextStartArgs(4000, "127.0.0.1", nextBin(root));
    const profiled = serverArgs(4000, root, undefined, "/tmp/prof");
    expect(profiled.slice(0, 2)).toEqual(["--cpu-prof", "--cpu-prof-dir=/tmp/prof"]);
    const rest = profiled.slice(2);
    expect(rest).toHaveLength(production.length);
    const changed = rest.filter((a, i) => a !== production[i]);
    expect(changed).toEqual([`--max-old-space-size=${PROFILING_HEAP_MB}`]);

    const heapFlags = rest.filter((a) => a.startsWith("--max-old-space-size="));
    const limitMb = Number(
      execFileSync(process.execPath, [
        ...heapFlags,
        "-e",
        "process.stdout.write(String(require('v8').getHeapStatistics().heap_size_limit / 1048576))",
      ]),
    );
    expect(limitMb).toBeGreaterThanOrEqual(PROFILING_HEAP_MB);
  });

  it("say that a profiled run's heap is not production's", () => {
    expect(profilingNote("/tmp/prof")).toMatch(
      /--max-old-space-size=2048 instead of production's --max-old-space-size=192/,
    );
  });
});
