/** The letterhead as printed: office identity from settings and the uploaded emblem, if any. */
import { env } from "../../env.ts";
import type { Office } from "./types.ts";
import { getSettings } from "../settings.ts";
import type { Tx } from "../tx.ts";

export async function loadOffice(
  db: Pick<Tx, "$queryRaw" | "officeAsset">,
): Promise<{ office: Office; timeZone: string }> {
  const [{ "office.identity": identity, "office.hours": hours }, emblem] = await Promise.all([
    getSettings(db, ["office.identity", "office.hours"]),
    db.officeAsset.findUnique({ where: { key: "emblem" }, select: { content: true, mimeType: true } }),
  ]);
  // react-pdf draws PNG and JPEG; any other stored type is left off rather than breaking every letter.
  const format = emblem?.mimeType === "image/png" ? "png" : emblem?.mimeType === "image/jpeg" ? "jpg" : null;
  return {
    office: { ...identity, emblem: emblem && format ? { data: Buffer.from(emblem.content), format } : null },
    timeZone: hours.timeZone,
  };
}

/** Where the QR code and the printed address send a reader: the public base URL (NEXTAUTH_URL) or, without one, localhost. */
export function verificationUrl(code: string, baseUrl = env().authUrl ?? "http://localhost:3000"): string {
  return `${baseUrl.replace(/\/+$/, "")}/verifikasi/${code}`;
}
