import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  ADDRESS_LIMIT,
  failureDelayFor,
  identifierKey,
  IDENTIFIER_SLOW_AFTER,
  isThrottled,
  MAX_FAILURE_DELAY_MS,
  PAIR_LIMIT,
  throttleKeys,
} from "./sign-in-throttle.ts";

describe("sign-in throttle", () => {
  it("counts an identifier however it is typed", () => {
    expect(identifierKey(" KaDis ")).toBe("kadis");
    expect(identifierKey("19790402 200502 1 004")).toBe("197904022005021004");
    expect(identifierKey("１９７９")).toBe("1979");
    const secret = randomBytes(32);
    expect(throttleKeys(secret, "KADIS", "10.0.0.1")).toEqual(throttleKeys(secret, "kadis", "10.0.0.1"));
    expect(throttleKeys(secret, "kadis", "10.0.0.1").pair.equals(throttleKeys(secret, "kadis", "10.0.0.2").pair)).toBe(
      false,
    );
    expect(
      throttleKeys(secret, "kadis", "10.0.0.1").identifier.equals(throttleKeys(secret, "kadis", "10.0.0.2").identifier),
    ).toBe(true);
  });

  it("refuses only on this address's own budgets; the identifier's budget across addresses only slows", () => {
    expect(isThrottled({ pair: PAIR_LIMIT, address: ADDRESS_LIMIT, identifier: 10_000 })).toBe(false);
    expect(isThrottled({ pair: PAIR_LIMIT + 1, address: 1, identifier: 1 })).toBe(true);
    expect(isThrottled({ pair: 1, address: ADDRESS_LIMIT + 1, identifier: 1 })).toBe(true);
    expect([1, 2, 3, 4, 5, 9].map((pair) => failureDelayFor({ pair, address: pair, identifier: pair }))).toEqual([
      250, 500, 1000, 2000, 4000, 4000,
    ]);
    expect(failureDelayFor({ pair: 1, address: 1, identifier: IDENTIFIER_SLOW_AFTER + 1 })).toBe(MAX_FAILURE_DELAY_MS);
  });
});
