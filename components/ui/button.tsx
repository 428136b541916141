/** Button and link styles, one set for every page (portal and staff, server and client). */
const base = "rounded font-semibold disabled:opacity-60";

export const primaryButtonClass = `${base} bg-brand-700 px-4 py-2 text-white hover:bg-brand-800`;
/** The portal's main call to action: a larger target for reporters on phones. */
export const largeButtonClass = `${base} bg-brand-700 px-5 py-3 text-white hover:bg-brand-800`;
export const secondaryButtonClass = `${base} border-2 border-brand-700 bg-white px-4 py-2 text-brand-800 hover:bg-brand-50`;
export const dangerButtonClass = `${base} border-2 border-red-800 bg-white px-4 py-2 text-red-800 hover:bg-red-50`;
export const linkClass = "font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-900";

/** A form's submit button that says it is working while the form is sent. */
export function SubmitButton({
  pending = false,
  label,
  pendingLabel,
  large,
  className = "",
}: {
  pending?: boolean;
  label: string;
  pendingLabel?: string;
  large?: boolean;
  className?: string;
}) {
  return (
    <button
      type="submit"
      disabled={pending}
      className={`${large ? largeButtonClass : primaryButtonClass} ${className}`}
    >
      {pending && pendingLabel ? pendingLabel : label}
    </button>
  );
}
