"use client";

import type { FormEvent } from "react";
import { useRouter } from "@/i18n/navigation.ts";

/**
 * A filter form's submit: without JavaScript the form is a plain GET; with it, the URL carries
 * only the filters in use (`toHref` turns the form's fields into that URL).
 */
export function useFilterSubmit(toHref: (fields: Record<string, string>) => string) {
  const router = useRouter();
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fd = new FormData(event.currentTarget);
    router.push(toHref(Object.fromEntries([...fd.entries()].map(([k, v]) => [k, String(v)]))));
  };
}
