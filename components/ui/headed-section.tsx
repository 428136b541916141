import type { ReactNode } from "react";

/** "hidden": the heading names the part for screen readers only (a table that needs no visible title). */
export type SectionSize = "large" | "medium" | "small" | "hidden";

export const SECTION_TITLE_CLASS: Record<SectionSize, string> = {
  large: "text-2xl font-bold text-brand-900",
  medium: "text-xl font-bold text-brand-900",
  small: "text-lg font-bold text-brand-900",
  hidden: "sr-only",
};

/** A part set off from the page: the brand's tint, or a note to heed (the protection rules, the office's commitments). */
export const SECTION_BOX_CLASS = {
  brand: "rounded-lg bg-brand-50 p-6",
  note: "rounded-lg border-l-4 border-amber-accent bg-amber-50 p-6",
} as const;

/** A part of a page with its h2, which carries `id` (the part's anchor, named by `aria-labelledby`). */
export function HeadedSection({
  id,
  title,
  children,
  size = "large",
  box,
  className,
  testId,
}: {
  id: string;
  title: ReactNode;
  children: ReactNode;
  size?: SectionSize;
  box?: keyof typeof SECTION_BOX_CLASS;
  className?: string;
  testId?: string;
}) {
  return (
    <section
      aria-labelledby={id}
      className={[box ? SECTION_BOX_CLASS[box] : null, className].filter(Boolean).join(" ") || undefined}
      data-testid={testId}
    >
      <h2 id={id} className={SECTION_TITLE_CLASS[size]}>
        {title}
      </h2>
      {children}
    </section>
  );
}
