import { PDFArray, PDFDict, PDFName, PDFRef, PDFStream, type PDFContext, type PDFObject } from "pdf-lib";

const names = (...list: string[]) => new Set(list.map((n) => PDFName.of(n)));

/**
 * Entries that only ever hold scripts, actions, attached files or XFA forms: removed wherever
 * they appear (document and page actions, additional actions of fields and annotations, the
 * JavaScript, embedded-file, presentation and rendition name trees, attached-file streams of
 * file specifications and associated-file lists, XFA, portfolios).
 */
const ACTIVE_KEYS = names(
  "OpenAction",
  "AA",
  "JS",
  "JavaScript",
  "EmbeddedFiles",
  "AlternatePresentations",
  "Renditions",
  "EF",
  "RF",
  "AF",
  "XFA",
  "NeedsRendering",
  "Collection",
  "PA",
);

/** Every action type: the rule is that no action survives, not only the known-dangerous ones. */
const ACTION_TYPES = names(
  "GoTo",
  "GoToR",
  "GoToE",
  "GoToDp",
  "Launch",
  "Thread",
  "URI",
  "Sound",
  "Movie",
  "Hide",
  "Named",
  "SubmitForm",
  "ResetForm",
  "ImportData",
  "JavaScript",
  "SetOCGState",
  "Rendition",
  "Trans",
  "GoTo3DView",
  "RichMediaExecute",
  "ECMAScript",
);

/** Annotations that play media, run 3D/Flash content or carry a file: removed with their content. */
const ACTIVE_ANNOTATIONS = names("FileAttachment", "Sound", "Movie", "Screen", "RichMedia", "3D");

/** Objects of these types exist only to carry a file, media, 3D or rich-media content. */
const ACTIVE_TYPES = names(
  "Action",
  "EmbeddedFile",
  "Sound",
  "Rendition",
  "MediaClip",
  "3D",
  "3DRef",
  "RichMediaContent",
  "RichMediaSettings",
  "RichMediaInstance",
);

const TYPE = PDFName.of("Type");
const SUBTYPE = PDFName.of("Subtype");
const S = PDFName.of("S");
const A = PDFName.of("A");
const D = PDFName.of("D");
const DEST = PDFName.of("Dest");
const GOTO = PDFName.of("GoTo");
const FORM = PDFName.of("Form");
const REF = PDFName.of("Ref");

function dictOf(object: PDFObject | undefined): PDFDict | undefined {
  if (object instanceof PDFStream) return object.dict;
  return object instanceof PDFDict ? object : undefined;
}

/** An action, an attached file, a media/3D/rich-media object or an annotation that plays one. */
export function isActiveObject(object: PDFObject | undefined): boolean {
  const dict = dictOf(object);
  if (!dict) return false;
  const type = dict.get(TYPE);
  const subtype = dict.get(SUBTYPE);
  const s = dict.get(S);
  return (
    (type instanceof PDFName && ACTIVE_TYPES.has(type)) ||
    (subtype instanceof PDFName &&
      ACTIVE_ANNOTATIONS.has(subtype) &&
      (type === undefined || type === PDFName.of("Annot"))) ||
    (s instanceof PDFName && ACTION_TYPES.has(s)) ||
    dict.has(PDFName.of("JS"))
  );
}

/** On a stream's dictionary, these fetch its data from another file. */
const EXTERNAL_DATA_KEYS = names("F", "FFilter", "FDecodeParms");

/** Keys of `dict` (the dictionary of a stream if `isStream`) that must not survive. */
function activeKeys(dict: PDFDict, isStream: boolean): PDFName[] {
  const keys = dict.keys().filter((key) => ACTIVE_KEYS.has(key) || (isStream && EXTERNAL_DATA_KEYS.has(key)));
  // A reference XObject draws a page of another file.
  if (dict.get(SUBTYPE) === FORM && dict.has(REF)) keys.push(REF);
  return keys;
}

const resolve = (context: PDFContext, value: PDFObject | undefined) =>
  value instanceof PDFRef ? context.lookup(value) : value;

/**
 * Remove from one dictionary or array every active entry and every reference to an active
 * object (which then becomes unreachable and is dropped); `isStream` when the dictionary is a
 * stream's, whose data must not come from another file. A go-to action of a link or outline
 * item becomes a plain destination, so navigation inside the document keeps working.
 * Returns whether anything was removed.
 */
export function removeActiveContent(context: PDFContext, object: PDFDict | PDFArray, isStream = false): boolean {
  let removed = false;
  if (object instanceof PDFArray) {
    for (let i = object.size() - 1; i >= 0; i--) {
      if (isActiveObject(resolve(context, object.get(i)))) {
        object.remove(i);
        removed = true;
      }
    }
    return removed;
  }
  for (const key of activeKeys(object, isStream)) {
    object.delete(key);
    removed = true;
  }
  for (const [key, value] of object.entries()) {
    const target = dictOf(resolve(context, value));
    if (!target || !isActiveObject(target)) continue;
    const destination = target.get(D);
    if (key === A && target.get(S) === GOTO && destination && !object.has(DEST)) object.set(DEST, destination);
    object.delete(key);
    removed = true;
  }
  return removed;
}

/**
 * What active content a document still holds, looking at every object (reachable or not):
 * used to verify the cleaned output. Returns a description of the first finding, or null.
 */
export function findActiveContent(context: PDFContext): string | null {
  const pending: PDFObject[] = context.enumerateIndirectObjects().map(([, object]) => object);
  while (pending.length > 0) {
    const object = pending.pop();
    if (isActiveObject(object)) return `active object ${dictOf(object)!.toString().slice(0, 80)}`;
    const dict = dictOf(object);
    if (dict) {
      const keys = activeKeys(dict, object instanceof PDFStream);
      if (keys.length > 0) return `active entry ${keys[0]!.toString()}`;
      for (const [, value] of dict.entries()) if (!(value instanceof PDFRef)) pending.push(value);
    } else if (object instanceof PDFArray) {
      for (const value of object.asArray()) if (!(value instanceof PDFRef)) pending.push(value);
    }
  }
  return null;
}
