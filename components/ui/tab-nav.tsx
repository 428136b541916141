import { Link } from "@/i18n/navigation.ts";

export interface NavLink {
  key: string;
  href: string;
  text: string;
  current: boolean;
}

/** Links in a named navigation; the current one is marked for assistive technology and styled by `linkClassName`. */
export function LinkNav({
  label,
  links,
  className,
  listClassName,
  linkClassName,
}: {
  label: string;
  links: NavLink[];
  className?: string;
  listClassName: string;
  linkClassName: (current: boolean) => string;
}) {
  return (
    <nav aria-label={label} className={className}>
      <ul className={listClassName}>
        {links.map((link) => (
          <li key={link.key}>
            <Link
              href={link.href}
              aria-current={link.current ? "page" : undefined}
              className={linkClassName(link.current)}
            >
              {link.text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const tabClass = (current: boolean) =>
  `-mb-0.5 inline-block rounded-t border-2 px-3 py-2 text-sm font-semibold sm:px-4 sm:text-base ${current ? "border-brand-700 border-b-white bg-white text-brand-900" : "border-transparent text-brand-700 hover:underline"}`;

/** Tabs that are links (each its own URL, so they work without JavaScript). */
export function TabNav({ label, tabs }: { label: string; tabs: NavLink[] }) {
  return (
    <LinkNav
      label={label}
      links={tabs}
      listClassName="flex flex-wrap gap-1 border-b-2 border-brand-700 sm:gap-2"
      linkClassName={tabClass}
    />
  );
}
