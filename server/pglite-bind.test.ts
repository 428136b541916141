import { protocol } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { concatBytes } from "./lib/concat-bytes.ts";
import { bindExecuteSync, type BindValue } from "./pglite-bind.ts";

const { serialize } = protocol;

/** What PGlite's own serialiser sends for the same run. */
const theirs = (statement: string, values: BindValue[]) =>
  concatBytes([serialize.bind({ statement, values: values as string[] }), serialize.execute({}), serialize.sync()]);

describe("bindExecuteSync", () => {
  it("writes the bytes PGlite's serialiser writes", () => {
    const shared = new Uint8Array(64).map((_, i) => i);
    const cases: [string, BindValue[]][] = [
      ["lentera_1", []],
      ["lentera_2", [null]],
      ["lentera_3", ["", "ä'b — ☕", null, "42"]],
      ["lentera_4", [Uint8Array.from([0, 92, 255]), new Uint8Array(0), "x", null]],
      // A view into a larger buffer sends only its own bytes.
      ["lentera_5", [shared.subarray(10, 20), Buffer.from("tail"), Uint8Array.from([7]).buffer]],
      ["lentera_6", [new Uint8Array(300_000).fill(0xab), "a".repeat(5000)]],
      ["", ["unnamed"]],
    ];
    for (const [statement, values] of cases) {
      expect(Buffer.from(bindExecuteSync(statement, values)).equals(Buffer.from(theirs(statement, values)))).toBe(true);
    }
  });

  it("takes a bytea parameter in one copy, into an array of the message's exact size", () => {
    const photo = new Uint8Array(1024 * 1024).fill(1);
    const message = bindExecuteSync("lentera_7", [photo, "x"]);
    expect(message.byteLength).toBe(theirs("lentera_7", [photo, "x"]).byteLength);
    expect(message.buffer).not.toBe(photo.buffer);
  });
});
