import { ArrowLeft as LucideArrowLeft, Download as LucideDownload, Home as LucideHome, type LucideIcon } from "lucide-react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ArrowLeft, Download, Home, type Icon } from "./icons.tsx";

const pairs: [string, Icon, LucideIcon][] = [
  ["ArrowLeft", ArrowLeft, LucideArrowLeft],
  ["Download", Download, LucideDownload],
  ["Home (an icon with an alias)", Home, LucideHome],
];

describe("icons built once", () => {
  it.each(pairs)("%s draws exactly the SVG lucide draws, decorative or labelled", (_name, Fast, Lucide) => {
    expect(renderToString(<Fast aria-hidden="true" className="size-4" />)).toBe(renderToString(<Lucide aria-hidden="true" className="size-4" />));
    expect(renderToString(<Fast aria-label="Download the list" role="img" />)).toBe(renderToString(<Lucide aria-label="Download the list" role="img" />));
    expect(renderToString(<Fast />)).toBe(renderToString(<Lucide />));
  });

  it("keeps each class it is given, so two sizes of one icon do not share an element", () => {
    const small = renderToString(<Download aria-hidden="true" className="size-4" />);
    const large = renderToString(<Download aria-hidden="true" className="size-6 text-brand-700" />);
    expect(small).toContain('class="lucide lucide-download size-4"');
    expect(large).toContain('class="lucide lucide-download size-6 text-brand-700"');
    expect(renderToString(<Download aria-hidden="true" className="size-4" />)).toBe(small);
  });

  it("builds an icon's SVG once and hands the same element to every later render", () => {
    const first = Download({ "aria-hidden": "true", className: "size-4" });
    expect(first.type).toBe("svg");
    expect(Download({ "aria-hidden": "true", className: "size-4" })).toBe(first);
  });
});
