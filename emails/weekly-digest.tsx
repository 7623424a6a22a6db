import { Heading, Link } from "@react-email/components";
import { EmailLayout, Paragraph } from "./components/layout.tsx";
import { UnsubscribeFooter } from "./notification.tsx";
import { renderEmail } from "./render.ts";

export type DigestItem = { title: string; link: string; note?: string };
export type DigestSection = { heading: string; items: DigestItem[] };

/** The weekly digest: only the sections that have something, each a list of links. */
export function weeklyDigestMessage({ name, week, sections, preferencesLink, unsubscribeLink }: { name: string; week: string; sections: DigestSection[]; preferencesLink: string; unsubscribeLink: string }) {
  const count = sections.reduce((n, s) => n + s.items.length, 0);
  return renderEmail(
    `Your MIEUX+ Community week (${week}): ${count} ${count === 1 ? "thing" : "things"} for you`,
    <EmailLayout preview={sections.map((s) => s.heading).join(", ")}>
      <Paragraph>Hello {name},</Paragraph>
      <Paragraph>Here is what happened in the community this week.</Paragraph>
      {sections.map((section) => (
        <div key={section.heading}>
          <Heading as="h2" style={{ fontSize: 17, margin: "20px 0 6px" }}>
            {section.heading}
          </Heading>
          <ul style={{ paddingLeft: 20, margin: 0 }}>
            {section.items.map((item) => (
              <li key={item.link + item.title} style={{ fontSize: 15, lineHeight: "22px", margin: "4px 0" }}>
                <Link href={item.link}>{item.title}</Link>
                {item.note ? ` — ${item.note}` : ""}
              </li>
            ))}
          </ul>
        </div>
      ))}
      <UnsubscribeFooter preferencesLink={preferencesLink} unsubscribeLink={unsubscribeLink} what="the weekly digest" />
    </EmailLayout>,
  );
}
