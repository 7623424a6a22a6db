/** The highest page number any list accepts; beyond it lists are searched, not paged. */
export const MAX_PAGE = 10_000;

/**
 * A page number from the query string. Only plain digits count: "1e308", "-3", "2.5", "Infinity"
 * or nothing at all give page 1, and very large numbers stop at MAX_PAGE, so no list can be asked
 * to skip an impossible number of rows.
 */
export function parsePage(value: string | null | undefined): number {
  if (!value || !/^\d{1,20}$/.test(value.trim())) return 1;
  return Math.min(MAX_PAGE, Math.max(1, Number(value.trim())));
}
