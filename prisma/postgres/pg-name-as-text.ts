import pg from "pg";

const NAME = 19;
const TEXT = 25;

type Result = { fields?: { dataTypeID: number }[] };
function relabel<T>(result: T): T {
  for (const r of Array.isArray(result) ? result : [result]) for (const f of (r as Result)?.fields ?? []) if (f.dataTypeID === NAME) f.dataTypeID = TEXT;
  return result;
}

/**
 * A pg Client that reports PostgreSQL's `name` columns (catalog identifiers) as text.
 * @prisma/adapter-pg 6.19 refuses `name` ("Column type 'name' could not be deserialized"), which
 * the schema engine reads from the catalog, so `prisma migrate deploy|status` fail without this
 * (github.com/prisma/prisma issue 27403). Only the migration CLI uses it; the app never reads `name`.
 */
export class NameAsTextClient extends pg.Client {
  // pg's overloads: (config), (text, values), (text, values, callback), (text, callback).
  query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (err: unknown, res: unknown) => (last as (e: unknown, r: unknown) => void)(err, err ? res : relabel(res));
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const out = (super.query as (...a: unknown[]) => unknown)(...args);
    return (out instanceof Promise ? out.then(relabel) : out) as never;
  }
}
