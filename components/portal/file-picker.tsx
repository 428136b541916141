"use client";

import { useTranslations } from "next-intl";
import { useState, useSyncExternalStore } from "react";

const noSubscription = () => () => {};

interface Props {
  id: string;
  name: string;
  accept?: string;
  describedBy?: string;
  invalid?: boolean;
}

/**
 * A file input with a button and the chosen files in the page's language (the browser's own
 * "Choose Files / No file chosen" follows its UI language, not the page's). Without JavaScript
 * the native input stays as it is, labelled by the field's label, and still works.
 */
export function FilePicker({ id, name, accept, describedBy, invalid }: Props) {
  const t = useTranslations("filePicker");
  // False while rendered on the server and without JavaScript; true once running in the browser.
  const enhanced = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [chosen, setChosen] = useState<string[]>([]);
  return (
    <div className="mt-2">
      <input
        id={id}
        name={name}
        type="file"
        multiple
        accept={accept}
        aria-describedby={[describedBy, enhanced ? `${id}-chosen` : null].filter(Boolean).join(" ") || undefined}
        aria-invalid={invalid || undefined}
        onChange={(e) => setChosen(Array.from(e.currentTarget.files ?? [], (f) => f.name))}
        className={enhanced ? "peer sr-only" : "block w-full text-sm"}
      />
      {enhanced ? (
        <>
          {/* A second label of the same input: clicking it opens the file chooser. */}
          <label
            htmlFor={id}
            className="inline-block cursor-pointer rounded border-2 border-brand-700 bg-white px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-700"
            data-testid={`${id}-button`}
          >
            {chosen.length ? t("change") : t("choose")}
          </label>
          <div id={`${id}-chosen`} aria-live="polite" className="mt-2 text-sm">
            {chosen.length === 0 ? (
              <p className="text-slate-700">{t("none")}</p>
            ) : (
              <>
                <p className="font-semibold">{t("chosen", { count: chosen.length })}</p>
                <ul className="list-disc pl-5" data-testid={`${id}-list`}>
                  {chosen.map((f, i) => (
                    <li key={i} className="break-all">
                      {f}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        </>
      ) : null}
    </div>
  );
}
