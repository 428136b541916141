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
  secondary,
  value,
  className = "",
}: {
  pending?: boolean;
  label: string;
  pendingLabel?: string;
  large?: boolean;
  secondary?: boolean;
  /** Tells a form with several buttons which one was pressed (the submit event's submitter). */
  value?: string;
  className?: string;
}) {
  const look = secondary ? secondaryButtonClass : large ? largeButtonClass : primaryButtonClass;
  return (
    <button
      type="submit"
      value={value}
      disabled={pending}
      aria-disabled={pending || undefined}
      className={`${look} ${className}`}
    >
      {pending && pendingLabel ? pendingLabel : label}
    </button>
  );
}
