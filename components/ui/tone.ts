/** The colours of a message or badge by what it says. */
export type Tone = "neutral" | "good" | "bad" | "warn" | "info";

export const TONES: Record<Tone, string> = {
  neutral: "border-slate-400 bg-slate-100 text-slate-900",
  good: "border-brand-700 bg-brand-50 text-brand-900",
  bad: "border-red-700 bg-red-50 text-red-900",
  warn: "border-amber-600 bg-amber-50 text-amber-950",
  info: "border-sky-700 bg-sky-50 text-sky-950",
};
