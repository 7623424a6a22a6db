import { Link } from "@remix-run/react";
import type { ReactNode, SelectHTMLAttributes } from "react";
import { useId } from "react";
import { cn } from "#app/utils/misc.ts";

const control = "mt-1 block w-full rounded-md border border-line bg-white px-3 py-2 text-sm text-ink shadow-sm focus:border-brand-700";

/** A compact labelled select for filter panels (filters are all optional, so no "(optional)" marks). */
export function FilterSelect({ label, children, className, ...select }: { label: string; children: ReactNode; className?: string } & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <div className={cn("mb-3", className)}>
      <label htmlFor={id} className="block text-sm font-semibold text-ink">
        {label}
      </label>
      <select id={id} className={control} {...select}>
        {children}
      </select>
    </div>
  );
}

export function FilterText({ label, className, ...input }: { label: string; className?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className={cn("mb-3", className)}>
      <label htmlFor={id} className="block text-sm font-semibold text-ink">
        {label}
      </label>
      <input id={id} className={control} {...input} />
    </div>
  );
}

export function Badge({ tone = "neutral", children }: { tone?: "neutral" | "success" | "brand" | "warning"; children: ReactNode }) {
  const tones = {
    neutral: "bg-surface text-ink border-line",
    success: "bg-green-50 text-green-900 border-green-300",
    brand: "bg-brand-50 text-brand-900 border-brand-200",
    warning: "bg-amber-50 text-amber-900 border-amber-300",
  };
  return <span className={cn("inline-flex items-center rounded-full border px-2.5 py-0.5 text-xs font-medium", tones[tone])}>{children}</span>;
}

export function Pagination({ page, pages, link, label = "Pagination" }: { page: number; pages: number; link: (p: number) => string; label?: string }) {
  if (pages <= 1) return null;
  const nearby = [...new Set([1, page - 1, page, page + 1, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  const item = "inline-flex min-w-10 items-center justify-center rounded-md border px-3 py-1.5 text-sm font-semibold no-underline";
  return (
    <nav aria-label={label} className="mt-6">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 ? (
          <li>
            <Link className={cn(item, "border-line bg-white hover:bg-brand-50")} to={link(page - 1)} rel="prev">
              Previous
            </Link>
          </li>
        ) : null}
        {nearby.map((p, i) => (
          <li key={p} className="flex items-center gap-2">
            {i > 0 && p - nearby[i - 1] > 1 ? <span aria-hidden="true">…</span> : null}
            {p === page ? (
              <span aria-current="page" className={cn(item, "border-brand-700 bg-brand-700 text-white")}>
                <span className="sr-only">Page </span>
                {p}
              </span>
            ) : (
              <Link className={cn(item, "border-line bg-white hover:bg-brand-50")} to={link(p)}>
                <span className="sr-only">Page </span>
                {p}
              </Link>
            )}
          </li>
        ))}
        {page < pages ? (
          <li>
            <Link className={cn(item, "border-line bg-white hover:bg-brand-50")} to={link(page + 1)} rel="next">
              Next
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
