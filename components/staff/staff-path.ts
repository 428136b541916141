import { withoutLocale } from "@/i18n/routing.ts";

/** Whether a request path (with or without its locale prefix) is a page of the staff workspace. */
export function isStaffPath(path: string): boolean {
  const bare = withoutLocale(path);
  return bare === "/staff" || bare.startsWith("/staff/");
}
