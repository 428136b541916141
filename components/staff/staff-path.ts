import { routing } from "@/i18n/routing.ts";

/** Whether a request path (with or without its locale prefix) is a page of the staff workspace. */
export function isStaffPath(path: string): boolean {
  const bare = path.replace(new RegExp(`^/(${routing.locales.join("|")})(?=/|$)`), "") || "/";
  return bare === "/staff" || bare.startsWith("/staff/");
}
