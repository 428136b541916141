/**
 * String twins of the kit's pieces, for parts of a page built once as markup and kept
 * (components/ui/html.ts). Each renders exactly what its React component renders for the props
 * it takes (static-html.test.ts compares them), with the same classes read from the kit.
 */
import { attr, markup, type Html, type HtmlValue } from "./html.ts";
import { inputClass } from "./field.tsx";
import { SECTION_BOX_CLASS, SECTION_TITLE_CLASS, type SectionSize } from "./headed-section.tsx";
import { PAGE_LEAD_CLASS, PAGE_TITLE_CLASS, type PageSize } from "./page-section.tsx";
import { thClass } from "./table.tsx";
import { TONES, type Tone } from "./tone.ts";

/** `<PageSection>` without `before`. */
export function pageSectionHtml(p: {
  id: string;
  title: HtmlValue;
  lead?: HtmlValue;
  size?: PageSize;
  className?: string;
  leadClassName?: string;
  children?: HtmlValue;
}): Html {
  const size = p.size ?? "staff";
  const lead = p.lead ? markup`<p class="${PAGE_LEAD_CLASS[size]} ${p.leadClassName ?? ""}">${p.lead}</p>` : null;
  return markup`<section aria-labelledby="${p.id}"${attr("class", p.className)}><h1 id="${p.id}" class="${PAGE_TITLE_CLASS[size]}">${p.title}</h1>${lead}${p.children}</section>`;
}

/** `<HeadedSection>`. */
export function headedSectionHtml(p: {
  id: string;
  title: HtmlValue;
  children: HtmlValue;
  size?: SectionSize;
  box?: keyof typeof SECTION_BOX_CLASS;
  className?: string;
  testId?: string;
}): Html {
  const className = [p.box ? SECTION_BOX_CLASS[p.box] : null, p.className].filter(Boolean).join(" ") || undefined;
  return markup`<section aria-labelledby="${p.id}"${attr("class", className)}${attr("data-testid", p.testId)}><h2 id="${p.id}" class="${SECTION_TITLE_CLASS[p.size ?? "large"]}">${p.title}</h2>${p.children}</section>`;
}

/** `<Notice>` as the server renders it (no `focus`, no `id`). */
export function noticeHtml(p: { tone?: Tone; role?: "alert" | "status"; children: HtmlValue }): Html {
  return markup`<div${attr("role", p.role)} class="rounded border-l-4 p-3 ${TONES[p.tone ?? "info"]}">${p.children}</div>`;
}

/** `<TextField>` with a default value and no hint, error or other options. */
export function textFieldHtml(p: {
  id: string;
  name?: string;
  label: HtmlValue;
  type?: "text" | "date";
  required?: boolean;
  defaultValue?: string;
}): Html {
  // React separates the two text nodes of the star's span with an empty comment.
  const star = p.required
    ? markup`<span aria-hidden="true" class="font-semibold text-red-800"> <!-- -->*</span>`
    : null;
  const required = p.required ? markup` required=""` : null;
  return markup`<div><p><label for="${p.id}" class="font-semibold">${p.label}</label>${star}</p><input type="${p.type ?? "text"}" id="${p.id}" autoComplete="off"${required} class="${inputClass(false)}" name="${p.name ?? p.id}"${attr("value", p.defaultValue)}/></div>`;
}

/** `<DataTable>` without a caption; `rows` are its body rows. */
export function dataTableHtml(p: {
  label: string;
  head: HtmlValue[];
  figuresFrom?: number;
  className?: string;
  testId?: string;
  rows: HtmlValue;
}): Html {
  const head = p.head.map((h, i) => {
    const className = p.figuresFrom !== undefined && i >= p.figuresFrom ? `${thClass} text-right` : thClass;
    return markup`<th scope="col" class="${className}">${h}</th>`;
  });
  const tableClass = p.className ?? "w-full min-w-[44rem] border-collapse";
  return markup`<div role="region" aria-label="${p.label}" tabindex="0" class="overflow-x-auto rounded border border-slate-300"><table class="${tableClass}"${attr("data-testid", p.testId)}><thead><tr>${head}</tr></thead><tbody>${p.rows}</tbody></table></div>`;
}
