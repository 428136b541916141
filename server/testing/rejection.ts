/** Tests: the TRPCError a call was refused with (fails the test when the call succeeds or throws something else). */
import { TRPCError } from "@trpc/server";
import { expect } from "vitest";

export async function rejection(p: Promise<unknown>): Promise<TRPCError> {
  const result = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(result).toBeInstanceOf(TRPCError);
  return result as TRPCError;
}
