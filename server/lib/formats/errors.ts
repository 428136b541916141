/** The refusals a format module can give; the upload policy (server/domain/uploads) adds its own. */
export type FormatRefusal = "unsupported_type" | "damaged" | "unsafe";

/** Thrown by the format modules when a file must be refused for a known reason. */
export class UploadRefused extends Error {
  constructor(
    readonly reason: FormatRefusal,
    detail: string,
  ) {
    super(detail);
    this.name = "UploadRefused";
  }
}
