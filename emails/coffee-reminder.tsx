import { ActionButton, EmailLayout, LinkFallback, Paragraph } from "./components/layout.tsx";
import { CoffeeDetails } from "./components/coffee-details.tsx";
import { renderEmail } from "./render.ts";

export function coffeeReminderMessage({ name, title, when, link, inWords }: { name: string; title: string; when: string; link: string; inWords: string }) {
  return renderEmail(
    `Reminder: ${title} starts in ${inWords}`,
    <EmailLayout preview={`The Morning Coffee starts in ${inWords}.`}>
      <Paragraph>Hello {name},</Paragraph>
      <Paragraph>A reminder that the Morning Coffee you registered for starts in {inWords}. You can send questions for the speakers on the session page already.</Paragraph>
      <CoffeeDetails title={title} when={when} note="The join link appears on the session page shortly before the start." />
      <ActionButton href={link}>Open the session page</ActionButton>
      <LinkFallback href={link} />
    </EmailLayout>,
  );
}
