import { ActionButton, EmailLayout, Paragraph } from "./components/layout.tsx";
import { CoffeeDetails } from "./components/coffee-details.tsx";
import { renderEmail } from "./render.ts";

export function coffeeWaitlistedMessage({ name, title, when, link, position }: { name: string; title: string; when: string; link: string; position: number }) {
  return renderEmail(
    `You are on the waitlist: ${title}`,
    <EmailLayout preview="We will email you with a calendar invite if a place opens up.">
      <Paragraph>Hello {name},</Paragraph>
      <Paragraph>
        This Morning Coffee is full, so you are number {position} on the waitlist. If a place opens up you get it automatically, and we email you
        the calendar invite.
      </Paragraph>
      <CoffeeDetails title={title} when={when} />
      <ActionButton href={link}>Open the session page</ActionButton>
    </EmailLayout>,
  );
}
