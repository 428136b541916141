import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { StaffProviders } from "@/components/staff/trpc.tsx";

export default function StaffLayout({ children }: { children: ReactNode }) {
  // The locale layout sends the browser only the portal's texts; the workspace's components read every area.
  return (
    <NextIntlClientProvider>
      <StaffProviders>{children}</StaffProviders>
    </NextIntlClientProvider>
  );
}
