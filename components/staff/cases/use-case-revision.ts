"use client";

import { useIsMutating, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/staff/trpc.tsx";

/** How often an open case page asks whether the case changed (a tiny, unaudited query). */
export const REVISION_POLL_MS = 10_000;

/** True when the server's revision is ahead of the one the page shows. */
export const isBehind = (shown: number | undefined, latest: number | undefined) =>
  shown !== undefined && latest !== undefined && latest > shown;

/**
 * Keeps a case page current without reading (and auditing) the whole case over and over:
 * the revision is polled while the page is visible and on focus; when it is ahead of what
 * the page shows, the case is read again. Returns when another user's change was last seen,
 * for a notice. The user's own actions refresh the case themselves and are not reported.
 */
export function useCaseRevisionWatch(caseId: string, shown: number | undefined): Date | null {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mutating = useIsMutating();
  const latest = useQuery({
    ...trpc.cases.revision.queryOptions({ caseId }),
    enabled: shown !== undefined,
    staleTime: 0,
    refetchInterval: REVISION_POLL_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: "always",
  });
  const [seenAt, setSeenAt] = useState<Date | null>(null);
  const ahead = isBehind(shown, latest.data?.revision);

  useEffect(() => {
    // While this user's own change is being saved, the revision moves for them: not news.
    if (!ahead || mutating > 0) return;
    // The notice appears once the page shows the new state.
    void queryClient
      .invalidateQueries({ queryKey: trpc.cases.get.queryKey({ caseId }) })
      .then(() => setSeenAt(new Date()));
  }, [ahead, mutating, queryClient, trpc, caseId]);

  return seenAt;
}
