import ReactMarkdown, { type Components } from "react-markdown";
import { cn } from "#app/utils/misc.ts";

/**
 * Links people may follow from user-written markdown: web, mail and our own pages. Anything else
 * (javascript:, data:, vbscript:, file:, …) is dropped and the link text stays as plain text.
 */
export function safeHref(url: string): string | null {
  const value = url.trim();
  if (/^(https?:|mailto:)/i.test(value)) return value;
  if (/^\/(?!\/)/.test(value) || value.startsWith("#")) return value;
  return null;
}

const components: Components = {
  a: ({ href, children }) => {
    const safe = href ? safeHref(href) : null;
    if (!safe) return <span>{children}</span>;
    return (
      <a href={safe} rel="nofollow ugc noopener">
        {children}
      </a>
    );
  },
  // Images from members would load third-party content (and are blocked by our CSP): show their description instead.
  img: ({ alt }) => (alt ? <span>[{alt}]</span> : null),
  // The page has its own h1: user headings start one level below.
  h1: ({ children }) => <h2>{children}</h2>,
};

/** Markdown written by members, rendered without raw HTML (it is skipped, never interpreted). */
export function Markdown({ children, className }: { children: string; className?: string }) {
  return (
    <div className={cn("space-y-3 break-words [&_blockquote]:border-l-4 [&_blockquote]:border-brand-200 [&_blockquote]:pl-4 [&_h2]:text-xl [&_h2]:font-bold [&_h3]:text-lg [&_h3]:font-bold [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6", className)}>
      <ReactMarkdown skipHtml urlTransform={(url) => safeHref(url) ?? ""} components={components}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
