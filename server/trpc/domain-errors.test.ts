/** The one error mapping: each DomainError code to its HTTP status and tRPC code, and everything else to a generic 500. */
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DatabaseUnavailableError } from "../db-outage/unavailable-error.ts";
import { DOMAIN_ERROR_CODES, DomainError, REASONS, type ReasonKey } from "../domain/errors.ts";
import { BusyError } from "../domain/transaction.ts";
import { failureResponse, HTTP_STATUS, INTERNAL_ERROR_MESSAGE, publicFailure } from "../security/internal-errors.ts";
import { TRPC_CODE, trpcErrorOf } from "./domain-errors.ts";

/** One reason of each code, to throw. */
const reasonWith = (code: string) => (Object.keys(REASONS) as ReasonKey[]).find((r) => REASONS[r] === code)!;
const internal = (cause: unknown) => new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause });

afterEach(() => vi.restoreAllMocks());

describe("one mapping of domain errors", () => {
  it.each([
    ["NOT_FOUND", 404, "NOT_FOUND"],
    ["CONFLICT", 409, "CONFLICT"],
    ["FORBIDDEN", 403, "FORBIDDEN"],
    ["INVALID_INPUT", 400, "BAD_REQUEST"],
    ["PRECONDITION", 412, "PRECONDITION_FAILED"],
    ["CONTENT_DESTROYED", 412, "PRECONDITION_FAILED"],
    ["BUSY", 429, "TOO_MANY_REQUESTS"],
    ["UNAVAILABLE", 503, "SERVICE_UNAVAILABLE"],
  ] as const)("%s is HTTP %i and tRPC %s", (code, status, trpc) => {
    expect(HTTP_STATUS[code]).toBe(status);
    expect(TRPC_CODE[code]).toBe(trpc);
    const reason = reasonWith(code);
    const mapped = trpcErrorOf(internal(new DomainError(reason, "an internal detail")));
    expect(getHTTPStatusCodeFromError(mapped)).toBe(status);
    expect(publicFailure(new DomainError(reason, "an internal detail"), "test")).toEqual({ status, code, reason });
  });

  it("covers every code, and every reason names a code", () => {
    expect(Object.keys(HTTP_STATUS).sort()).toEqual([...DOMAIN_ERROR_CODES].sort());
    for (const code of Object.values(REASONS)) expect(DOMAIN_ERROR_CODES).toContain(code);
  });

  it("sends the reason key as the tRPC message, never the internal one", () => {
    const mapped = trpcErrorOf(
      internal(new DomainError("case.leadershipForward", "a report involving the leadership must be escalated")),
    );
    expect([mapped.code, mapped.message]).toEqual(["CONFLICT", "case.leadershipForward"]);
  });

  it("keeps refusals made as TRPCErrors on purpose", () => {
    const refused = new TRPCError({ code: "UNAUTHORIZED" });
    expect(trpcErrorOf(refused)).toBe(refused);
  });

  it.each([
    ["a RangeError", new RangeError("month 13 is not 1..12")],
    ["a TypeError", new TypeError("Cannot read properties of undefined (reading 'nik')")],
    ["a plain Error", new Error('relation "cases" does not exist')],
  ])("makes %s a generic internal error", (_name, error) => {
    const mapped = trpcErrorOf(internal(error));
    expect([mapped.code, mapped.message]).toEqual(["INTERNAL_SERVER_ERROR", INTERNAL_ERROR_MESSAGE]);
    expect(mapped.cause).toBe(error);
  });

  it("recognises an outage and a busy database whatever raised them", () => {
    const outage = trpcErrorOf(
      internal(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })),
    );
    expect(outage.code).toBe("SERVICE_UNAVAILABLE");
    expect(publicFailure(new DatabaseUnavailableError("closed"), "test")).toMatchObject({
      status: 503,
      code: "UNAVAILABLE",
      reason: "system.unavailable",
    });
    const busy = Object.assign(new Error("Transaction already closed"), { code: "P2028" });
    expect(trpcErrorOf(internal(busy)).code).toBe("TOO_MANY_REQUESTS");
    expect(publicFailure(new BusyError(), "test")).toMatchObject({ status: 429, reason: "system.busy" });
  });
});

describe("route handlers and server actions", () => {
  it("answer a DomainError with its status and a text in both languages, and log nothing", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = failureResponse(new DomainError("case.notFound", "case 123 not found"), "route /api/staff/letter");
    expect(res.status).toBe(404);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(await res.text()).toBe("Tidak ditemukan.\nNot found.\n");
    expect(logged).not.toHaveBeenCalled();
  });

  it("answer anything else with a generic 500 and log its kind once, never its message", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = failureResponse(new RangeError("Invalid time value for 6209011234567890"), "route /api/staff/agenda");
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).toContain("Maaf, terjadi kesalahan pada server.");
    expect(text).not.toMatch(/6209|Invalid time/);
    expect(logged.mock.calls.map((c) => c.join(" "))).toEqual(["route /api/staff/agenda failed: RangeError"]);
  });
});
