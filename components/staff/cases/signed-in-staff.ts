import "server-only";
import { redirect } from "next/navigation";
import { localePath } from "@/i18n/routing.ts";
import { serverCaller } from "@/server/trpc/server-caller.ts";
import type { Me } from "./types.ts";

/** The signed-in staff member, or a redirect to the sign-in page (checked on every request). */
export async function signedInStaff(locale: string): Promise<Me> {
  const me = await (await serverCaller()).staff.me().catch(() => null);
  if (!me) redirect(localePath(locale, "/staff/masuk"));
  return { id: me.id, name: me.name, position: me.position, roles: [...me.roles] };
}
