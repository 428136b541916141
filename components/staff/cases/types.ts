import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/routers/_app.ts";

type Out = inferRouterOutputs<AppRouter>;
type In = inferRouterInputs<AppRouter>;

/** What `cases.get` returns (server/domain/cases/detail.ts staffCaseView). */
export type CaseView = Out["cases"]["get"];
export type CaseRow = Out["cases"]["list"]["rows"][number];
export type ReviewInput = In["cases"]["review"];
export type ConveneInput = In["cases"]["convene"];
export type DraftInput = In["cases"]["saveDraft"];
export type DecideInput = In["cases"]["decideDraft"];

/** The signed-in staff member as the pages pass it down (read on the server). */
export type { Me } from "@/server/http/staff/signed-in-staff.ts";
