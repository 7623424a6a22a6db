import type { ComponentProps } from "react";
import Markdown, { defaultUrlTransform, type Components } from "react-markdown";
import { cn } from "#app/utils/misc.ts";

/**
 * Links to addresses a reader can follow safely: http(s), mailto and paths on this site.
 * react-markdown's default already empties `javascript:`, `vbscript:` and `data:` URLs; we drop the link too.
 */
export function safeUrl(url: string): string | null {
  const cleaned = defaultUrlTransform(url.trim());
  if (!cleaned) return null;
  // Same-site paths only: "//host" and "/\\host" are other sites to a browser.
  if (/^(https?:|mailto:)/i.test(cleaned) || /^\/(?![/\\])/.test(cleaned) || cleaned.startsWith("#")) return cleaned;
  return null;
}

const components: Components = {
  // User headings sit under the page's own h1/h2.
  h1: ({ node: _n, children, ...p }) => <h3 {...p}>{children}</h3>,
  h2: ({ node: _n, children, ...p }) => <h4 {...p}>{children}</h4>,
  h3: ({ node: _n, children, ...p }) => <h5 {...p}>{children}</h5>,
  h4: ({ node: _n, children, ...p }) => <h6 {...p}>{children}</h6>,
  a: ({ node: _n, href, children }) => {
    const url = href ? safeUrl(href) : null;
    if (!url) return <span>{children}</span>;
    const external = /^https?:/i.test(url);
    return (
      <a href={url} rel={external ? "nofollow ugc noopener" : undefined}>
        {children}
      </a>
    );
  },
  // Images from elsewhere would tell other sites who reads what: shown as a link instead.
  img: ({ node: _n, src, alt }) => {
    const url = typeof src === "string" ? safeUrl(src) : null;
    const label = alt || "image";
    return url ? (
      <a href={url} rel="nofollow ugc noopener">
        {label}
      </a>
    ) : (
      <span>{label}</span>
    );
  },
};

/** Members' markdown: raw HTML skipped (shown as nothing), unsafe links dropped, external links rel="nofollow ugc noopener". */
export function UserMarkdown({ children, className }: { children: string; className?: string }) {
  return (
    <div className={cn("space-y-3 break-words [&_blockquote]:border-l-4 [&_blockquote]:border-brand-200 [&_blockquote]:pl-4 [&_h3]:text-xl [&_h3]:font-bold [&_h4]:text-lg [&_h4]:font-bold [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6", className)}>
      <Markdown skipHtml components={components} urlTransform={(url) => safeUrl(url) ?? ""}>
        {children}
      </Markdown>
    </div>
  );
}

export type UserMarkdownProps = ComponentProps<typeof UserMarkdown>;
