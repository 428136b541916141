import { getCsrfToken } from "next-auth/react";

/**
 * Asks the session endpoint to re-issue this browser's enrolment token as the full session the
 * confirmed activation made of it: the same POST that next-auth's useSession().update() sends
 * (this page has no SessionProvider). The server decides from the database alone; the body
 * carries nothing to claim. True when the answer is a full session.
 */
export async function upgradeSession(): Promise<boolean> {
  try {
    const csrfToken = await getCsrfToken();
    const response = await fetch("/api/auth/session", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ csrfToken, data: {} }),
    });
    if (!response.ok) return false;
    const session = (await response.json()) as { uid?: unknown; enrol?: unknown };
    return typeof session.uid === "string" && session.enrol === false;
  } catch {
    return false;
  }
}
