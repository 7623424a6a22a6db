import type { MetaFunction } from "@remix-run/node";
import { Card } from "#app/components/ui/card.tsx";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Accessibility statement", "How MIEUX+ Community meets WCAG 2.1 AA, what is known not to work yet, and how to report a barrier.");

export default function AccessibilityStatement() {
  return (
    <Card className="mx-auto max-w-3xl space-y-3">
      <h1 className="text-3xl font-bold">Accessibility statement</h1>
      <p>MIEUX+ Community aims to meet the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA, the standard for EU public sector websites.</p>
      <ul className="list-disc space-y-1 pl-5">
        <li>Every page works with a keyboard alone, with a visible focus outline and a link to skip to the content.</li>
        <li>Forms name every field, say what is wrong next to the field, and keep what you typed.</li>
        <li>Colours meet AA contrast; pages reflow on small screens and at 200% zoom.</li>
        <li>Live updates, such as new Q&amp;A questions, are announced politely without moving your focus.</li>
      </ul>
      <p>Each page is checked automatically with axe in a real browser as part of our tests. If something stops you from using a page, please tell the MIEUX+ team.</p>
    </Card>
  );
}
