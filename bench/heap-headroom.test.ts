import { describe, expect, it } from "vitest";
import { describeMemory, memoryFacts } from "../server/memory-log.ts";
import { HeapPeak, heapHeadroomNotes, heapSampleOf } from "./heap-headroom.ts";

const MB = 1024 * 1024;

describe("the heap headroom of a bench scenario", () => {
  it("reads the heap and its limit off the server's own memory line", () => {
    const line = describeMemory({ ...memoryFacts(), heapUsed: 150.25 * MB, heapLimit: 240 * MB });
    expect(heapSampleOf(`Lentera memory: ${line}`)).toEqual({ usedMb: 150.3, limitMb: 240 });
    expect(heapSampleOf("▲ Next.js 16 ready in 420 ms")).toBeUndefined();
  });

  it("keeps the highest sample until it is taken, then starts again", () => {
    const peak = new HeapPeak();
    peak.see({ usedMb: 120, limitMb: 240 });
    peak.see({ usedMb: 190, limitMb: 240 });
    peak.see({ usedMb: 140, limitMb: 240 });
    expect(peak.take()).toEqual({ usedMb: 190, limitMb: 240 });
    expect(peak.take()).toBeUndefined();
  });

  it("fails a scenario that came within 15 % of the limit, and lists every one", () => {
    const notes = heapHeadroomNotes([
      { name: "home page", heapPeak: { usedMb: 120, limitMb: 240 } },
      { name: "office dashboard", heapPeak: { usedMb: 210, limitMb: 240 } },
      { name: "floor", heapPeak: undefined },
    ]);
    expect(notes).toEqual([
      "FAIL heap headroom office dashboard: 210.0 MB of the 240 MB limit (> 85 %)",
      "V8 heap, highest sample (every 2 s) during each measured run, MB of the 240 MB limit: home page 120, office dashboard 210",
    ]);
    expect(heapHeadroomNotes([{ name: "floor" }])).toEqual([]);
  });
});
