import { Link } from "@remix-run/react";
import { languageName } from "#app/modules/resources/taxonomy.ts";

/** Topic, region, language and tags of a resource, as small labels; tags link to the library filtered by them. */
export function ResourceMeta({ topic, region, language, tags }: { topic: string; region: string; language: string; tags: { tag: string }[] }) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
      <span className="font-semibold text-brand-800">{topic}</span>
      <span>{region || "Every region"}</span>
      <span>{languageName(language)}</span>
      {tags.length ? (
        <ul className="flex flex-wrap gap-2" aria-label="Tags">
          {tags.map((t) => (
            <li key={t.tag}>
              <Link to={`/resources?${new URLSearchParams({ tag: t.tag })}`} className="rounded border border-line bg-surface px-1.5 py-0.5 text-xs text-ink">
                {`#${t.tag}`}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
