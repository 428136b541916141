import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice.tsx";

/** For accounts without a case role (Admin): cases are not theirs to read. */
export async function NoCaseRole({
  text,
  heading = true,
}: {
  text?: "noCaseRole" | "agenda" | "intake";
  heading?: boolean;
}) {
  const ws = await getTranslations("workspace");
  const agenda = await getTranslations("agenda");
  const intake = await getTranslations("intake");
  const message =
    text === "agenda" ? agenda("notAllowed") : text === "intake" ? intake("onlySekretariat") : ws("noCaseRole");
  return (
    <div className="space-y-4">
      {heading ? <h1 className="text-2xl font-bold text-brand-900">{ws("noAccessTitle")}</h1> : null}
      <Notice tone="warn" role="status">
        <p>{message}</p>
      </Notice>
    </div>
  );
}
