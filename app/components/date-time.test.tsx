import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DateTime } from "./date-time.tsx";

describe("<DateTime>", () => {
  it("writes the moment in UTC, labelled, in the server's HTML, whatever zone the server runs in", () => {
    const html = renderToString(<DateTime value="2026-11-22T13:58:00.000Z" />);
    expect(html).toBe('<time dateTime="2026-11-22T13:58:00.000Z">22 Nov 2026, 13:58 UTC</time>');
  });

  it("accepts a Date as well as the string a loader sends", () => {
    expect(renderToString(<DateTime value={new Date(Date.UTC(2023, 10, 29, 8, 30))} className="text-muted" />)).toContain("29 Nov 2023, 08:30 UTC");
  });
});
