import type { RefusalReason } from "../../domain/uploads/sanitize.ts";

/** Thrown by the format modules when a file must be refused for a known reason. */
export class UploadRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    detail: string,
  ) {
    super(detail);
    this.name = "UploadRefused";
  }
}
