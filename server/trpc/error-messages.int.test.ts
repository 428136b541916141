/**
 * What a tRPC client sees when a procedure fails unexpectedly: a generic sentence, never the
 * database's own message (which quotes the failing Prisma call) nor any other thrown error's,
 * while deliberate refusals (DomainError) carry their code and reason key. Driven through
 * tRPC's HTTP handler, as the route serves it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { StaffPrincipal } from "../auth/staff-session.ts";
import type { AnyRouter } from "@trpc/server";
import { appRouter } from "../routers/_app.ts";
import { DomainError } from "../domain/errors.ts";
import { publicProcedure, router } from "./init.ts";
import { INTERNAL_ERROR_MESSAGE, reportTrpcError } from "../security/internal-errors.ts";
import { seedDemoStaff } from "../testing/demo-staff.ts";
import { openTestDb, type TestDbHandle } from "../testing/test-db.ts";

let handle: TestDbHandle;
let users: Record<string, StaffPrincipal> = {};

beforeAll(async () => {
  handle = await openTestDb();
  users = await seedDemoStaff(handle.db);
});
afterAll(() => handle?.close());

const call = (path: string, as: string | null, input: unknown = {}, on: AnyRouter = appRouter) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://127.0.0.1/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`),
    router: on,
    createContext: async () => ({ db: handle.db, staff: async () => (as ? users[as]! : null) }),
    onError: reportTrpcError,
  });

describe("tRPC error bodies", () => {
  it("carry a deliberate refusal's code and reason key, not its internal message", async () => {
    const res = await call("cases.get", "telaah", { caseId: "00000000-0000-4000-8000-000000000000" });
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { json: { message: string; data: { code: string; reason: string } } } };
    expect(body.error.json).toMatchObject({
      message: "case.notFound",
      data: { code: "NOT_FOUND", reason: "case.notFound" },
    });
    expect(JSON.stringify(body)).not.toContain("case not found");
  });

  // Errors a library or a bug may throw inside a procedure: their messages may quote data.
  const faults = router({
    range: publicProcedure.query(() => {
      throw new RangeError("Invalid time value for NIK 6209011234567890");
    }),
    type: publicProcedure.query(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'Jl. Rahasia 7')");
    }),
    refusal: publicProcedure.query(() => {
      throw new DomainError("meeting.endBeforeStart", "meeting end 10:00 is before its start 11:00");
    }),
  });

  it.each(["range", "type"])("turn a thrown %sError into a generic 500, logged once by its kind", async (path) => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const res = await call(path, null, {}, faults);
      expect(res.status).toBe(500);
      const body = (await res.json()) as {
        error: { json: { message: string; data: { code: string; reason: unknown } } };
      };
      expect(body.error.json).toMatchObject({
        message: INTERNAL_ERROR_MESSAGE,
        data: { code: "INTERNAL_SERVER_ERROR", reason: null },
      });
      expect(JSON.stringify(body)).not.toMatch(/NIK|6209|Rahasia|Invalid time|Cannot read/);
      const lines = logged.mock.calls.map((c) => c.join(" "));
      expect(lines).toEqual([`tRPC ${path} failed: ${path === "range" ? "RangeError" : "TypeError"}`]);
    } finally {
      logged.mockRestore();
    }
  });

  it("turn a DomainError into its code with the reason key, and log nothing", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const res = await call("refusal", null, {}, faults);
      expect(res.status).toBe(400);
      const body = (await res.json()) as {
        error: { json: { message: string; data: { code: string; reason: string } } };
      };
      expect(body.error.json).toMatchObject({
        message: "meeting.endBeforeStart",
        data: { code: "BAD_REQUEST", reason: "meeting.endBeforeStart" },
      });
      expect(JSON.stringify(body)).not.toContain("10:00");
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });

  it("carry no internal message when the database fails, and the log names only the kind", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await handle.db.$executeRawUnsafe('ALTER TABLE "cases" RENAME TO "cases_gone"');
      const res = await call("cases.list", "telaah");
      expect(res.status).toBe(500);
      const body = JSON.stringify(await res.json());
      expect(body).toContain(INTERNAL_ERROR_MESSAGE);
      expect(body).not.toMatch(/prisma|invocation|relation|table|does not exist|\.ts:/i);
      const lines = logged.mock.calls.map((c) => c.join(" ")).join("\n");
      expect(lines).toContain("tRPC cases.list failed");
      expect(lines).not.toMatch(/invocation|does not exist/i);
    } finally {
      await handle.db.$executeRawUnsafe('ALTER TABLE "cases_gone" RENAME TO "cases"');
      logged.mockRestore();
    }
  });
});
