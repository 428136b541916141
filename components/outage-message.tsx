import { Link } from "@/i18n/navigation.ts";
import { linkClass, primaryButtonClass } from "@/components/ui/button.tsx";

/**
 * What a visitor reads while the database is unavailable, with texts already translated: the
 * server-rendered outage page and the browser's error boundary show the same thing. The retry
 * is a plain link to the same address, so it works without JavaScript.
 */
export function OutageMessage({
  title,
  body,
  retry,
  back,
  retryHref,
}: {
  title: string;
  body: string;
  retry: string;
  back: string;
  retryHref: string;
}) {
  return (
    <section className="max-w-2xl" role="alert" aria-labelledby="outage-title">
      <h1 id="outage-title" className="text-2xl font-bold text-brand-900">
        {title}
      </h1>
      <p className="mt-3">{body}</p>
      <p className="mt-6 flex flex-wrap gap-4">
        <a href={retryHref} className={primaryButtonClass}>
          {retry}
        </a>
        <Link href="/" className={`self-center ${linkClass}`}>
          {back}
        </Link>
      </p>
    </section>
  );
}
