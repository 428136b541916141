"use client";

import { signOut } from "next-auth/react";

export function SignOutButton({ label, callbackUrl }: { label: string; callbackUrl: string }) {
  return (
    <button
      type="button"
      onClick={async () => {
        // Navigate ourselves: next-auth would build an absolute URL from NEXTAUTH_URL.
        await signOut({ redirect: false });
        window.location.assign(callbackUrl);
      }}
      className="rounded border border-brand-700 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50"
    >
      {label}
    </button>
  );
}
