import { ActionButton, EmailLayout, LinkFallback, Paragraph } from "./components/layout.tsx";
import { CoffeeDetails } from "./components/coffee-details.tsx";
import { renderEmail } from "./render.ts";

export type CoffeeInviteKind = "registered" | "updated" | "promoted";

type Props = { kind: CoffeeInviteKind; name: string; title: string; when: string; link: string; changes?: string[]; withInvite?: boolean };

const SUBJECTS: Record<CoffeeInviteKind, (title: string) => string> = {
  registered: (t) => `You are registered: ${t}`,
  updated: (t) => `Updated: ${t}`,
  promoted: (t) => `A place opened up for you: ${t}`,
};

/**
 * The calendar invite (METHOD:REQUEST) travels with this message as a text/calendar part, unless
 * the member takes sessions from their private calendar feed instead (`withInvite: false`).
 */
export function coffeeInviteMessage({ kind, name, title, when, link, changes = [], withInvite = true }: Props) {
  return renderEmail(
    SUBJECTS[kind](title),
    <EmailLayout preview={!withInvite ? "Your Morning Coffee is in your private calendar feed." : kind === "updated" ? "The Morning Coffee changed: your calendar invite is updated." : "Your calendar invite for the Morning Coffee is attached."}>
      <Paragraph>Hello {name},</Paragraph>
      {kind === "registered" ? <Paragraph>You are registered for this Morning Coffee.{withInvite ? " Add it to your calendar with the invite in this email." : ""}</Paragraph> : null}
      {kind === "promoted" ? (
        <Paragraph>Good news: a place opened up and you moved from the waitlist to the list of participants.{withInvite ? " The invite in this email adds the session to your calendar." : ""}</Paragraph>
      ) : null}
      {kind === "updated" ? (
        <Paragraph>
          The organisers changed this Morning Coffee{changes.length ? ` (${changes.join(", ")})` : ""}.{withInvite ? " Accepting the updated invite keeps your calendar right." : ""}
        </Paragraph>
      ) : null}
      {withInvite ? null : <Paragraph>Your private calendar feed shows this session; you chose to receive no calendar invites by email (Settings, Calendar).</Paragraph>}
      <CoffeeDetails title={title} when={when} note="The join link appears on the session page shortly before the start." />
      <ActionButton href={link}>Open the session page</ActionButton>
      <LinkFallback href={link} />
      <Paragraph>If you can no longer attend, unregister on the session page so someone on the waitlist can take your place.</Paragraph>
    </EmailLayout>,
  );
}
