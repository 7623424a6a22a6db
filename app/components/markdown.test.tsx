import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { safeUrl, UserMarkdown } from "./markdown.tsx";

describe("member markdown", () => {
  it("keeps web, mail and same-site links and drops every other scheme", () => {
    expect(safeUrl("https://example.org/a")).toBe("https://example.org/a");
    expect(safeUrl("mailto:team@example.org")).toBe("mailto:team@example.org");
    expect(safeUrl("/spotlights/uganda")).toBe("/spotlights/uganda");
    for (const bad of ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,hi", "vbscript:x", "//evil.example", "/\\evil.example", "file:///etc/passwd"]) expect(safeUrl(bad), bad).toBeNull();
  });

  it("renders without raw HTML, with nofollow ugc links and headings below the page's h1", () => {
    const html = renderToStaticMarkup(<UserMarkdown>{"# Title\n\n<b onclick=x>raw</b> [ok](https://example.org) [bad](javascript:alert(1)) ![map](https://example.org/x.png)"}</UserMarkdown>);
    expect(html).not.toContain("<b");
    expect(html).not.toContain("onclick");
    expect(html).not.toContain("javascript:");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<h1");
    expect(html).toContain("<h3>Title</h3>");
    expect(html).toContain('<a href="https://example.org" rel="nofollow ugc noopener">ok</a>');
    expect(html).toContain("<span>bad</span>");
    // An image from elsewhere is a link to it, never loaded.
    expect(html).toContain('<a href="https://example.org/x.png" rel="nofollow ugc noopener">map</a>');
  });
});
