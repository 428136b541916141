/**
 * Ref callback that moves keyboard and screen-reader focus to an element when it appears
 * (the receipt or an error summary after a submit with JavaScript; without JavaScript the
 * new page starts at the top anyway).
 */
export function focusOnMount(element: HTMLElement | null): void {
  element?.focus();
}
