import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { cn } from "#app/utils/misc.ts";

const control =
  "mt-1 block w-full rounded-md border bg-white px-3 py-2 text-base text-ink shadow-sm placeholder:text-muted focus:border-brand-700";

type FieldShell = { label: string; error?: string; hint?: ReactNode; className?: string };

function useFieldIds(name?: string) {
  const id = useId();
  const base = `${name ?? "field"}-${id.replace(/:/g, "")}`;
  return { inputId: base, errorId: `${base}-error`, hintId: `${base}-hint` };
}

function FieldFrame({ label, error, hint, className, ids, children, required }: FieldShell & { ids: ReturnType<typeof useFieldIds>; children: ReactNode; required?: boolean }) {
  return (
    <div className={cn("mb-4", className)}>
      <label htmlFor={ids.inputId} className="block text-sm font-semibold text-ink">
        {label}
        {/* GOV.UK pattern: mark only optional fields. */}
        {required ? null : <span className="font-normal text-muted"> (optional)</span>}
      </label>
      {hint ? (
        <p id={ids.hintId} className="mt-0.5 text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={ids.errorId} className="mt-1 text-sm font-medium text-danger" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(ids: ReturnType<typeof useFieldIds>, error?: string, hint?: ReactNode) {
  return [hint ? ids.hintId : null, error ? ids.errorId : null].filter(Boolean).join(" ") || undefined;
}

export function TextField({ label, error, hint, className, ...input }: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  const ids = useFieldIds(input.name);
  return (
    <FieldFrame label={label} error={error} hint={hint} className={className} ids={ids} required={input.required}>
      <input
        id={ids.inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(ids, error, hint)}
        className={cn(control, error ? "border-danger" : "border-line")}
        {...input}
      />
    </FieldFrame>
  );
}

export function TextAreaField({ label, error, hint, className, ...input }: FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ids = useFieldIds(input.name);
  return (
    <FieldFrame label={label} error={error} hint={hint} className={className} ids={ids} required={input.required}>
      <textarea
        id={ids.inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(ids, error, hint)}
        className={cn(control, "min-h-28", error ? "border-danger" : "border-line")}
        {...input}
      />
    </FieldFrame>
  );
}

export function SelectField({ label, error, hint, className, children, ...select }: FieldShell & SelectHTMLAttributes<HTMLSelectElement>) {
  const ids = useFieldIds(select.name);
  return (
    <FieldFrame label={label} error={error} hint={hint} className={className} ids={ids} required={select.required}>
      <select
        id={ids.inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(ids, error, hint)}
        className={cn(control, error ? "border-danger" : "border-line")}
        {...select}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

export function CheckboxField({ label, error, className, ...input }: { label: ReactNode; error?: string; className?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const ids = useFieldIds(input.name);
  return (
    <div className={cn("mb-4", className)}>
      <div className="flex items-start gap-2">
        <input
          id={ids.inputId}
          type="checkbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? ids.errorId : undefined}
          className="mt-1 size-4 accent-brand-700"
          {...input}
        />
        <label htmlFor={ids.inputId} className="text-sm text-ink">
          {label}
        </label>
      </div>
      {error ? (
        <p id={ids.errorId} className="mt-1 text-sm font-medium text-danger" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
