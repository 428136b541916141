"use client";

import type { ReactNode } from "react";
import { focusOnMount } from "@/components/portal/focus.ts";

/**
 * The result of a form that succeeded: its heading is announced (role="status") and takes the
 * focus, so keyboard and screen-reader users land on what just happened.
 */
export function DoneSection({
  id,
  title,
  className = "mt-6 space-y-5",
  children,
}: {
  id: string;
  title: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className}>
      <div role="status">
        <h2 id={id} ref={focusOnMount} tabIndex={-1} className="text-2xl font-bold text-brand-900">
          {title}
        </h2>
      </div>
      {children}
    </section>
  );
}

/** The framed box around something shown this once (a tracking code, backup codes). */
export function ShownOnceBox({ children }: { children: ReactNode }) {
  return <div className="rounded-lg border-4 border-brand-700 bg-brand-50 p-4 sm:p-5">{children}</div>;
}

/** A secret code in large type, with its label and the warning that it is shown only now. */
export function OneTimeCode({
  label,
  code,
  warning,
  testId,
}: {
  label: string;
  code: string;
  warning: string;
  testId: string;
}) {
  return (
    <>
      <p className="font-semibold">{label}</p>
      <p
        className="mt-2 font-mono text-3xl font-bold tracking-wider break-all text-brand-900 sm:text-4xl"
        data-testid={testId}
      >
        {code}
      </p>
      <p className="mt-3 font-semibold text-red-900">{warning}</p>
    </>
  );
}
