import type { ReactNode } from "react";
import { Link } from "@/i18n/navigation.ts";
import { linkClass } from "./button.tsx";

/** A link within the site, in the page's language, styled as a link of running text. */
export function TextLink({ href, className, children }: { href: string; className?: string; children: ReactNode }) {
  return (
    <Link href={href} className={className ? `${className} ${linkClass}` : linkClass}>
      {children}
    </Link>
  );
}
