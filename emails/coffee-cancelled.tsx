import { ActionButton, EmailLayout, Paragraph } from "./components/layout.tsx";
import { CoffeeDetails } from "./components/coffee-details.tsx";
import { renderEmail } from "./render.ts";

export type CoffeeCancelReason = "session" | "unregistered" | "waitlist" | "declined";

const SUBJECTS: Record<CoffeeCancelReason, (title: string) => string> = {
  session: (t) => `Cancelled: ${t}`,
  waitlist: (t) => `Cancelled: ${t}`,
  unregistered: (t) => `You are no longer registered: ${t}`,
  declined: (t) => `You declined: ${t}`,
};

const BODIES: Record<CoffeeCancelReason, string> = {
  session: "We are sorry: this Morning Coffee has been cancelled.",
  waitlist: "We are sorry: this Morning Coffee has been cancelled, so your place on its waitlist has ended.",
  unregistered: "You have unregistered from this Morning Coffee.",
  declined: "You declined the invite in your calendar, so we gave your place to someone else. You will get no reminders for this session. Changed your mind? Register again on the session page.",
};

/**
 * The session was cancelled, or the member's place ended. Members who had an invite get
 * METHOD:CANCEL with it (`withInvite`); waitlisted members never had one, and a decline already
 * removed the session from the member's calendar.
 */
export function coffeeCancelledMessage({ reason, name, title, when, link, withInvite }: { reason: CoffeeCancelReason; name: string; title: string; when: string; link: string; withInvite: boolean }) {
  return renderEmail(
    SUBJECTS[reason](title),
    <EmailLayout preview={withInvite ? "The calendar entry is removed by the cancellation in this email." : BODIES[reason]}>
      <Paragraph>Hello {name},</Paragraph>
      <Paragraph>
        {BODIES[reason]}
        {withInvite ? " The cancellation in this email removes it from your calendar." : ""}
      </Paragraph>
      <CoffeeDetails title={title} when={when} />
      <ActionButton href={link}>See other Morning Coffees</ActionButton>
    </EmailLayout>,
  );
}
