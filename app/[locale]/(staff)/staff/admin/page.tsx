import { redirect } from "next/navigation";
import { localePath } from "@/i18n/routing.ts";

/** /staff/admin opens the user list. */
export default async function AdminIndexPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  redirect(localePath(locale, "/staff/admin/pengguna"));
}
