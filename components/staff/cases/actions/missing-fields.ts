/**
 * The fields of a form the browser finds invalid (empty required, too long), by their label:
 * forms use `noValidate`, so the browser's own bubbles (in its UI language, not the page's)
 * never appear, and the page names the fields itself.
 */
export function invalidFields(form: HTMLFormElement): { element: HTMLElement; label: string }[] {
  const result: { element: HTMLElement; label: string }[] = [];
  for (const el of Array.from(form.elements)) {
    if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement))
      continue;
    if (el.disabled || el.validity.valid) continue;
    const label = el.labels?.[0]?.textContent?.replace(/\s*\*\s*$/, "").trim() || el.name;
    result.push({ element: el, label });
  }
  return result;
}
