import type { ReactNode } from "react";
import { StaffProviders } from "@/components/staff/trpc.tsx";
import { SampleDataBanner } from "@/components/sample-data-banner.tsx";
import { serverCaller } from "@/server/trpc/server-caller.ts";
import { staffFrame } from "@/server/http/staff/staff-frame.ts";

export default async function StaffLayout({ children }: { children: ReactNode }) {
  // Every staff page shows cases or their figures; during an outage the page itself says so.
  // A signed-in member's banner comes with the bell's count (one statement); the sign-in pages ask apart.
  const frame = await staffFrame();
  const sampleData = frame ? frame.sampleData : await (await serverCaller()).portal.sampleData().catch(() => false);
  // The workspace's client texts come with the pages that read them (withWorkspaceTexts).
  return (
    <StaffProviders>
      <SampleDataBanner present={sampleData} />
      {children}
    </StaffProviders>
  );
}
