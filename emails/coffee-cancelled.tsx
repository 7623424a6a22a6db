import { ActionButton, EmailLayout, Paragraph } from "./components/layout.tsx";
import { CoffeeDetails } from "./components/coffee-details.tsx";
import { renderEmail } from "./render.ts";

/** Sent with METHOD:CANCEL: the session was cancelled, or the member unregistered. */
export function coffeeCancelledMessage({ reason, name, title, when, link }: { reason: "session" | "unregistered"; name: string; title: string; when: string; link: string }) {
  return renderEmail(
    reason === "session" ? `Cancelled: ${title}` : `You are no longer registered: ${title}`,
    <EmailLayout preview="The calendar entry is removed by the cancellation in this email.">
      <Paragraph>Hello {name},</Paragraph>
      <Paragraph>
        {reason === "session"
          ? "We are sorry: this Morning Coffee has been cancelled. The cancellation in this email removes it from your calendar."
          : "You have unregistered from this Morning Coffee. The cancellation in this email removes it from your calendar."}
      </Paragraph>
      <CoffeeDetails title={title} when={when} />
      <ActionButton href={link}>See other Morning Coffees</ActionButton>
    </EmailLayout>,
  );
}
