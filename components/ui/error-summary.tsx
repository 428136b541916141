"use client";

import { focusOnMount } from "@/components/portal/focus.ts";

/** What went wrong with a posted form, read out first: focus moves here when it appears. */
export function ErrorSummary({ title, detail }: { title: string; detail?: string }) {
  return (
    <div
      role="alert"
      ref={focusOnMount}
      tabIndex={-1}
      className="rounded border-2 border-red-700 bg-red-50 p-4 font-semibold text-red-900"
    >
      <p>{title}</p>
      {detail ? <p className="mt-1 font-normal">{detail}</p> : null}
    </div>
  );
}
