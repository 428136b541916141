/**
 * What a tRPC client sees when a procedure fails unexpectedly: a generic sentence, never the
 * database's own message (which quotes the failing Prisma call), while deliberate refusals keep
 * their message. Driven through tRPC's HTTP handler, as the route serves it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { StaffPrincipal } from "../auth/staff-session.ts";
import { appRouter } from "../routers/_app.ts";
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

const call = (path: string, as: string | null, input: unknown = {}) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://127.0.0.1/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`),
    router: appRouter,
    createContext: async () => ({ db: handle.db, staff: async () => (as ? users[as]! : null) }),
    onError: reportTrpcError,
  });

describe("tRPC error bodies", () => {
  it("keep a deliberate refusal's message", async () => {
    const res = await call("cases.get", "telaah", { caseId: "00000000-0000-4000-8000-000000000000" });
    expect(res.status).toBe(404);
    expect(JSON.stringify(await res.json())).toContain("Kasus tidak ditemukan.");
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
