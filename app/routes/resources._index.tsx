import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FileText } from "#app/components/ui/icons.tsx";
import { Card, PageHeader } from "#app/components/ui/card.tsx";
import { excerpt, listPosts } from "#app/modules/posts/posts.server.ts";
import { DateTime } from "#app/components/date-time.tsx";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Resources", "Resources from the MIEUX+ network: answered Morning Coffee questions, publications and cultural-agility tips.");

export async function loader() {
  const posts = await listPosts({ kind: "resource", take: 50 });
  return { resources: posts.map((p) => ({ id: p.id, title: p.title, excerpt: excerpt(p.body), createdAt: p.createdAt, author: p.author?.deletedAt ? "Former member" : (p.author?.name ?? "MIEUX+ team") })) };
}

export default function ResourcesPage() {
  const { resources } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader title="Resources" lead="Learning resources, cultural-agility tips and answers from Morning Coffee Q&As, shared with the network." />
      {resources.length === 0 ? (
        <Card>
          <p>No resources yet. Organisers can publish the answered questions of a Morning Coffee Q&amp;A as a resource from its Q&amp;A page.</p>
        </Card>
      ) : (
        <ul className="space-y-4">
          {resources.map((r) => (
            <li key={r.id}>
              <Card>
                <div className="flex items-start gap-3">
                  <FileText aria-hidden="true" className="mt-1 size-5 shrink-0 text-brand-700" />
                  <div>
                    <h2 className="text-xl font-bold">
                      <Link to={`/posts/${r.id}`}>{r.title}</Link>
                    </h2>
                    <p className="text-sm text-muted">
                      {r.author} · <DateTime value={r.createdAt} />
                    </p>
                    <p className="mt-2">{r.excerpt}</p>
                  </div>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-6 text-sm text-muted">Writing and commenting on resources directly is coming soon.</p>
    </div>
  );
}
