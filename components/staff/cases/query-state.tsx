"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { refusalOf } from "./refusal.ts";
import { Notice } from "@/components/ui/notice.tsx";

/** A list's query: the server's refusal, "loading", or what `children` make of the data. */
export function QueryState<T>({
  query,
  children,
}: {
  query: UseQueryResult<T, unknown>;
  children: (data: T) => ReactNode;
}) {
  const ws = useTranslations("workspace");
  if (query.isError)
    return (
      <Notice tone="bad" role="alert">
        {ws(`refusal.${refusalOf(query.error)}`)}
      </Notice>
    );
  if (query.isPending) return <p role="status">{ws("loading")}</p>;
  return children(query.data);
}
