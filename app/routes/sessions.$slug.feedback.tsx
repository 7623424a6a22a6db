import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Card, PageHeader } from "#app/components/ui/card.tsx";
import { requireRole } from "#app/utils/guards.server.ts";
import { feedbackResults } from "#app/modules/coffee/coffee.server.ts";
import { DateTime } from "#app/components/date-time.tsx";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(`Feedback${data ? `: ${data.coffee.title}` : ""}`, "What participants said about this Morning Coffee.");

export async function loader(args: LoaderFunctionArgs) {
  requireRole(args, "organiser");
  const results = await feedbackResults(args.params.slug ?? "");
  if (!results) throw new Response("Not found", { status: 404, statusText: "Not Found" });
  return results;
}

const LABELS = ["Poor", "Fair", "Good enough", "Good", "Excellent"];
const percent = (v: number | null) => (v == null ? "—" : `${Math.round(v * 100)}%`);

export default function FeedbackResults() {
  const { coffee, summary, comments } = useLoaderData<typeof loader>();
  const max = Math.max(1, ...summary.distribution);
  return (
    <div>
      <p className="text-sm">
        <Link to={`/sessions/${coffee.slug}`}>{coffee.title}</Link>
      </p>
      <PageHeader title="Feedback results" lead={`${summary.count} response${summary.count === 1 ? "" : "s"}.`} />
      <dl className="grid gap-4 sm:grid-cols-3">
        <Card>
          <dt className="text-sm text-muted">Rated good or excellent (4–5)</dt>
          <dd className="order-first font-serif text-4xl font-bold text-brand-700">{percent(summary.goodOrExcellent)}</dd>
        </Card>
        <Card>
          <dt className="text-sm text-muted">Average rating out of 5</dt>
          <dd className="order-first font-serif text-4xl font-bold text-brand-700">{summary.average == null ? "—" : summary.average.toFixed(1)}</dd>
        </Card>
        <Card>
          <dt className="text-sm text-muted">Responses</dt>
          <dd className="order-first font-serif text-4xl font-bold text-brand-700">{summary.count}</dd>
        </Card>
      </dl>
      <Card className="mt-6">
        <h2 className="text-xl font-bold">Ratings</h2>
        <table className="mt-3 w-full text-sm">
          <caption className="sr-only">Number of responses per rating</caption>
          <tbody>
            {summary.distribution.map((n, i) => (
              <tr key={i}>
                <th scope="row" className="w-40 py-1 pr-3 text-left font-normal">
                  {i + 1} — {LABELS[i]}
                </th>
                <td className="py-1">
                  <span className="inline-block h-4 rounded bg-brand-600 align-middle" style={{ width: `${(n / max) * 70}%` }} aria-hidden="true" />
                  <span className="ml-2">{n}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Card className="mt-6">
        <h2 className="text-xl font-bold">Comments</h2>
        {comments.length ? (
          <ul className="mt-3 divide-y divide-line">
            {comments.map((c, i) => (
              <li key={i} className="py-2">
                <p>{c.comment}</p>
                <p className="text-sm text-muted">
                  Rated {c.rating} · <DateTime value={c.createdAt} />
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-muted">No comments yet.</p>
        )}
      </Card>
    </div>
  );
}
