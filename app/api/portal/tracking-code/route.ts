import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { routing } from "@/i18n/routing.ts";
import { formatTrackingCode, normaliseTrackingCode } from "@/server/domain/tracking-code.ts";

const form = z.object({
  code: z
    .string()
    .transform(
      (c, ctx) => normaliseTrackingCode(c) ?? (ctx.addIssue({ code: "custom", message: "malformed code" }), z.NEVER),
    ),
  reference: z.string().regex(/^[A-Za-z0-9/._-]{1,40}$/),
  locale: z.enum(routing.locales).catch(routing.defaultLocale),
});

/**
 * The receipt's "download the code" button: the code comes back in the POST body and
 * leaves as a text file. Nothing is stored, logged or put in a URL.
 */
export async function POST(request: Request) {
  const fd = await request.formData().catch(() => null);
  const parsed = form.safeParse(fd ? Object.fromEntries(fd) : {});
  if (!parsed.success)
    return new Response("Permintaan tidak valid.", { status: 400, headers: { "Cache-Control": "no-store" } });
  const { code, reference, locale } = parsed.data;
  const t = await getTranslations({ locale, namespace: "receipt" });
  const body = [
    t("fileTitle"),
    "",
    `${t("reference")}: ${reference}`,
    `${t("codeLabel")}: ${formatTrackingCode(code)}`,
    "",
    t("fileKeep"),
    t("checkBack"),
    "",
  ].join("\r\n");
  return new Response(body, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": `attachment; filename="kode-lacak-${reference.replace(/[^A-Za-z0-9-]/g, "-")}.txt"`,
      "Cache-Control": "no-store",
    },
  });
}
