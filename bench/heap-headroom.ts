/**
 * How close each scenario brought the server's V8 heap to its limit. Past the limit the process
 * dies ("JavaScript heap out of memory"), and a server that renders several heavy pages at once
 * gets there long before its RSS looks alarming; so the bench reads the server's own memory
 * line (LENTERA_LOG_MEMORY, every 2 s: server/memory-log.ts) and flags a scenario whose highest
 * sample passed HEAP_HEADROOM_SHARE of the limit. A sample every 2 s can miss a short peak
 * between two samples: read the figure as a floor of the true peak.
 */

/** The share of the heap limit a scenario may reach; above it, the note says FAIL. */
export const HEAP_HEADROOM_SHARE = 0.85;

export interface HeapSample {
  usedMb: number;
  limitMb: number;
}

const MEMORY_LINE = /Lentera memory: .*?\bheap ([\d.]+) MB of [\d.]+ MB \(limit ([\d.]+) MB\)/;

/** The heap figures of one line of server output, or undefined when it is not the memory line. */
export function heapSampleOf(line: string): HeapSample | undefined {
  const m = MEMORY_LINE.exec(line);
  return m ? { usedMb: Number(m[1]), limitMb: Number(m[2]) } : undefined;
}

/** The highest samples seen since the last take(). */
export class HeapPeak {
  private peak: HeapSample | undefined;

  see(sample: HeapSample): void {
    if (!this.peak || sample.usedMb > this.peak.usedMb) this.peak = sample;
  }

  take(): HeapSample | undefined {
    const peak = this.peak;
    this.peak = undefined;
    return peak;
  }
}

/** The note line: every scenario's peak, and FAIL for those past the share. */
export function heapHeadroomNotes(scenarios: readonly { name: string; heapPeak?: HeapSample }[]): string[] {
  const sampled = scenarios.filter((s) => s.heapPeak);
  if (!sampled.length) return [];
  const share = (h: HeapSample) => h.usedMb / h.limitMb;
  const figures = sampled.map((s) => `${s.name} ${s.heapPeak!.usedMb.toFixed(0)}`);
  const limits = [...new Set(sampled.map((s) => s.heapPeak!.limitMb.toFixed(0)))].join("/");
  const over = sampled.filter((s) => share(s.heapPeak!) > HEAP_HEADROOM_SHARE);
  return [
    ...over.map(
      (s) =>
        `FAIL heap headroom ${s.name}: ${s.heapPeak!.usedMb.toFixed(1)} MB of the ${s.heapPeak!.limitMb.toFixed(0)} MB limit (> ${HEAP_HEADROOM_SHARE * 100} %)`,
    ),
    `V8 heap, highest sample (every 2 s) during each measured run, MB of the ${limits} MB limit: ${figures.join(", ")}`,
  ];
}
