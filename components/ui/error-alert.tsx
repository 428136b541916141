import type { ReactNode } from "react";
import { Notice } from "./notice.tsx";

/** An error in the page, announced at once (`role="alert"`); nothing while there is none. */
export function ErrorAlert({ id, children }: { id?: string; children?: ReactNode }) {
  return children ? (
    <Notice tone="bad" role="alert" id={id}>
      {children}
    </Notice>
  ) : null;
}
