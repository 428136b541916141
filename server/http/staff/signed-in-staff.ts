import "server-only";
import { redirect } from "next/navigation";
import { localePath } from "@/i18n/routing.ts";
import { serverCaller } from "@/server/trpc/server-caller.ts";
import { unlessUnavailable } from "@/server/db-outage/trpc-unavailable.ts";

/** The signed-in staff member as the pages pass it down. */
export interface Me {
  id: string;
  name: string;
  position: string | null;
  roles: string[];
}

/**
 * The signed-in staff member (checked on every request), or a redirect: to the sign-in page
 * without a session, to /staff/kata-sandi while an Admin-given password is unchanged.
 */
export async function signedInStaff(locale: string): Promise<Me> {
  const me = await (await serverCaller()).staff.me().catch(unlessUnavailable(null));
  if (!me) redirect(localePath(locale, "/staff/masuk"));
  if (me.mustChangePassword) redirect(localePath(locale, "/staff/kata-sandi"));
  return { id: me.id, name: me.name, position: me.position, roles: [...me.roles] };
}
