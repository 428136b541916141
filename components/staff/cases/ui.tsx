/** Small building blocks shared by the staff pages (server and client). */
import type { ReactNode } from "react";

export const buttonPrimary = "rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60";
export const buttonSecondary = "rounded border-2 border-brand-700 bg-white px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50 disabled:opacity-60";
export const inputClass = "mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2 disabled:bg-slate-100 disabled:text-slate-600";
export const linkClass = "font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-900";

export function Section({ id, title, children, className = "" }: { id: string; title: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section aria-labelledby={`${id}-title`} className={`space-y-3 ${className}`}>
      <h2 id={`${id}-title`} className="text-xl font-bold text-brand-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

type Tone = "neutral" | "good" | "bad" | "warn" | "info";
const TONES: Record<Tone, string> = {
  neutral: "border-slate-400 bg-slate-100 text-slate-900",
  good: "border-brand-700 bg-brand-50 text-brand-900",
  bad: "border-red-700 bg-red-50 text-red-900",
  warn: "border-amber-600 bg-amber-50 text-amber-950",
  info: "border-sky-700 bg-sky-50 text-sky-950",
};

export function Badge({ tone = "neutral", children, testId }: { tone?: Tone; children: ReactNode; testId?: string }) {
  return (
    <span data-testid={testId} className={`inline-block rounded border px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${TONES[tone]}`}>
      {children}
    </span>
  );
}

export function Notice({ tone = "info", role, children, id }: { tone?: Tone; role?: "alert" | "status"; children: ReactNode; id?: string }) {
  return (
    <div id={id} role={role} className={`rounded border-l-4 p-3 ${TONES[tone]}`}>
      {children}
    </div>
  );
}

/** A scrollable table region that keyboard users can reach (axe: scrollable-region-focusable). */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto rounded border border-slate-300">
      {children}
    </div>
  );
}

export const th = "border-b border-slate-300 bg-slate-100 px-3 py-2 text-left text-sm font-semibold whitespace-nowrap";
export const td = "border-b border-slate-200 px-3 py-2 align-top text-sm";

/** Label/value pairs. */
export function Facts({ items }: { items: [ReactNode, ReactNode][] }) {
  return (
    <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[minmax(10rem,auto)_1fr]">
      {items.map(([k, v], i) => (
        <div key={i} className="contents">
          <dt className="font-semibold">{k}</dt>
          <dd className="mb-2 break-words sm:mb-0">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
