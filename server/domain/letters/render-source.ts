/**
 * The stored render input of a letter (Letter.source, sealed): plain JSON in which dates and
 * byte strings keep their type, so the input read back renders exactly the PDF the issuing
 * request would have rendered.
 */
import type { DossierSource, LetterInput } from "./types.ts";

export type RenderSource = { kind: "letter"; input: LetterInput } | { kind: "dossier"; input: DossierSource };

const DATE = "$date";
const BYTES = "$bytes";

export function encodeSource(source: RenderSource): Buffer {
  return Buffer.from(
    JSON.stringify(source, function (this: Record<string, unknown>, key: string, value: unknown) {
      // `this[key]` is the value before toJSON (Date and Buffer both have one).
      const raw = this[key];
      if (raw instanceof Date) return { [DATE]: raw.toISOString() };
      if (raw instanceof Uint8Array) return { [BYTES]: Buffer.from(raw).toString("base64") };
      return value;
    }),
    "utf8",
  );
}

export function decodeSource(bytes: Uint8Array): RenderSource {
  return JSON.parse(Buffer.from(bytes).toString("utf8"), (_key, value: unknown) => {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const keys = Object.keys(value);
      if (keys.length === 1 && keys[0] === DATE) return new Date((value as Record<string, string>)[DATE]!);
      if (keys.length === 1 && keys[0] === BYTES)
        return Buffer.from((value as Record<string, string>)[BYTES]!, "base64");
    }
    return value;
  }) as RenderSource;
}
