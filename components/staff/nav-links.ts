import type { NavLink } from "@/components/ui/tab-nav.tsx";

/** The links of a staff navigation the member's roles show, the current one marked. */
export function shownLinks<K extends string>(
  items: readonly { key: K; href: string; show: boolean }[],
  text: (key: K) => string,
  current?: K,
): NavLink[] {
  return items
    .filter((i) => i.show)
    .map((i) => ({ key: i.key, href: i.href, text: text(i.key), current: i.key === current }));
}
