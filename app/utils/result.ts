/** What domain functions return instead of throwing for expected failures. */
export type DomainError<C extends string = string> = {
  code: C;
  message: string;
  /** Field-level messages for forms. */
  fields?: Record<string, string>;
};

export type Result<T, C extends string = string> = { ok: true; value: T } | { ok: false; error: DomainError<C> };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export function fail<C extends string>(code: C, message: string, fields?: Record<string, string>): { ok: false; error: DomainError<C> } {
  return { ok: false, error: { code, message, ...(fields ? { fields } : {}) } };
}
