import type { z } from "zod";

export type FieldErrors = Record<string, string>;

export type FormFailure = {
  ok: false;
  /** What the person typed (never passwords), so the form can be shown again as it was. */
  values: Record<string, string>;
  fieldErrors: FieldErrors;
  formError?: string;
};

const SECRET_FIELDS = /password|token/i;

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !SECRET_FIELDS.test(key)) values[key] = value.slice(0, 5000);
  }
  return values;
}

/** Parses a form with zod: either the data, or field errors and the typed values. */
export function parseForm<S extends z.ZodTypeAny>(
  formData: FormData,
  schema: S,
  { arrays = [] }: { arrays?: string[] } = {},
): { ok: true; data: z.infer<S> } | FormFailure {
  const raw: Record<string, unknown> = Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string"));
  // Fields that may repeat (checkbox groups) are read as lists.
  for (const name of arrays) raw[name] = formData.getAll(name).filter((v) => typeof v === "string");
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "form";
    fieldErrors[key] ??= issue.message;
  }
  return { ok: false, values: formValues(formData), fieldErrors, formError: fieldErrors.form };
}

export function formFailure(formData: FormData, fieldErrors: FieldErrors, formError?: string): FormFailure {
  return { ok: false, values: formValues(formData), fieldErrors, formError };
}
