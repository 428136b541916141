"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { dangerButtonClass, secondaryButtonClass } from "./button.tsx";

/**
 * A button that asks once more before a consequential action, in the page rather than in a
 * browser dialog: the question is read out and focus moves to the confirming button.
 */
export function ConfirmButton({
  label,
  question,
  onConfirm,
  disabled,
  className = dangerButtonClass,
}: {
  label: string;
  question: string;
  onConfirm: () => void;
  disabled?: boolean;
  className?: string;
}) {
  const t = useTranslations("ui");
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button ref={openerRef} type="button" className={className} disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div role="group" aria-label={label} className="space-y-2 rounded border border-red-300 bg-red-50 p-3">
      <p className="text-sm text-red-900">{question}</p>
      <div className="flex flex-wrap gap-2">
        <button
          ref={confirmRef}
          type="button"
          className="rounded bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900"
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          {t("confirm")}
        </button>
        <button type="button" className={secondaryButtonClass} onClick={() => setAsking(false)}>
          {t("cancel")}
        </button>
      </div>
    </div>
  );
}
