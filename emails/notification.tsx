import { Link } from "@react-email/components";
import { ActionButton, EmailLayout, LinkFallback, Paragraph } from "./components/layout.tsx";
import { renderEmail } from "./render.ts";

export type NotificationEmail = {
  name: string;
  /** What happened, in words (the kind's label). */
  label: string;
  title: string;
  actorName: string | null;
  message: string | null;
  link: string;
  preferencesLink: string;
  unsubscribeLink: string;
  /** What the unsubscribe link stops, in words. */
  unsubscribeWhat: string;
};

/** One notification sent at once: what happened, a link to it, and how to receive fewer. */
export function notificationMessage(n: NotificationEmail) {
  return renderEmail(
    `${n.label}: ${n.title}`,
    <EmailLayout preview={`${n.label}: ${n.title}`}>
      <Paragraph>Hello {n.name},</Paragraph>
      <Paragraph>
        {n.label}
        {n.actorName ? ` (${n.actorName})` : ""}: <strong>{n.title}</strong>
      </Paragraph>
      {n.message ? <Paragraph>{n.message}</Paragraph> : null}
      <ActionButton href={n.link}>Open it on MIEUX+ Community</ActionButton>
      <LinkFallback href={n.link} />
      <UnsubscribeFooter preferencesLink={n.preferencesLink} unsubscribeLink={n.unsubscribeLink} what={n.unsubscribeWhat} />
    </EmailLayout>,
  );
}

/** Links to the preferences and to a one-click unsubscribe (no log-in needed). */
export function UnsubscribeFooter({ preferencesLink, unsubscribeLink, what }: { preferencesLink: string; unsubscribeLink: string; what: string }) {
  return (
    <Paragraph>
      <span style={{ fontSize: 13 }}>
        Choose which emails you receive in your <Link href={preferencesLink}>notification settings</Link>, or{" "}
        <Link href={unsubscribeLink}>unsubscribe from {what}</Link>.
      </span>
    </Paragraph>
  );
}
