import { getTranslations } from "next-intl/server";
import { Notice } from "./ui.tsx";

/** For accounts without a case role (Admin): cases are not theirs to read. */
export async function NoCaseRole({ text }: { text?: "noCaseRole" | "agenda" | "intake" }) {
  const ws = await getTranslations("workspace");
  const agenda = await getTranslations("agenda");
  const intake = await getTranslations("intake");
  const message = text === "agenda" ? agenda("notAllowed") : text === "intake" ? intake("onlySekretariat") : ws("noCaseRole");
  return (
    <Notice tone="warn" role="status">
      <p>{message}</p>
    </Notice>
  );
}
