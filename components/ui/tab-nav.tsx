import { Link } from "@/i18n/navigation.ts";

/** Tabs that are links (each its own URL, so they work without JavaScript); the current one is marked for assistive technology. */
export function TabNav({ label, tabs }: { label: string; tabs: { key: string; href: string; current: boolean; text: string }[] }) {
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-1 border-b-2 border-brand-700 sm:gap-2">
        {tabs.map((tab) => (
          <li key={tab.key}>
            <Link
              href={tab.href}
              aria-current={tab.current ? "page" : undefined}
              className={`-mb-0.5 inline-block rounded-t border-2 px-3 py-2 text-sm font-semibold sm:px-4 sm:text-base ${tab.current ? "border-brand-700 border-b-white bg-white text-brand-900" : "border-transparent text-brand-700 hover:underline"}`}
            >
              {tab.text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
