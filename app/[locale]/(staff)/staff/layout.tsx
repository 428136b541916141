import type { ReactNode } from "react";
import { StaffProviders } from "@/components/staff/trpc.tsx";

export default function StaffLayout({ children }: { children: ReactNode }) {
  return <StaffProviders>{children}</StaffProviders>;
}
