import "server-only";
import { setRequestLocale } from "next-intl/server";
import type { SearchParams } from "./search-params.ts";
import { signedInStaff, type Me } from "@/server/http/staff/signed-in-staff.ts";

/** The props Next.js gives a signed-in staff page that reads its query string. */
export interface StaffPageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<SearchParams>;
}

/**
 * How every signed-in staff page starts: the route's params with the request's locale set, and
 * the signed-in member (or the redirect to sign in or to change the password).
 */
export async function openStaffPage<P extends { locale: string }>(params: Promise<P>): Promise<P & { me: Me }> {
  const p = await params;
  setRequestLocale(p.locale);
  return { ...p, me: await signedInStaff(p.locale) };
}
