"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { TONES, type Tone } from "./tone.ts";

/**
 * A message in the page. Errors interrupt (role="alert"), confirmations are polite
 * (role="status"); `focus` moves the keyboard to it when it appears after an action.
 */
export function Notice({
  tone = "info",
  role,
  focus,
  id,
  children,
}: {
  tone?: Tone;
  role?: "alert" | "status";
  focus?: boolean;
  id?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <div
      ref={ref}
      id={id}
      role={role}
      tabIndex={focus ? -1 : undefined}
      className={`rounded border-l-4 p-3 ${TONES[tone]}`}
    >
      {children}
    </div>
  );
}

/** How an action's outcome is shown: `<Notice {...OUTCOME[kind]}>`. */
export const OUTCOME = { error: { tone: "bad", role: "alert" }, success: { tone: "good", role: "status" } } as const;
