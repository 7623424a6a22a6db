import { ActionButton, EmailLayout, LinkFallback, Paragraph } from "./components/layout.tsx";
import { renderEmail } from "./render.ts";

export function verifyEmailMessage({ name, link }: { name: string; link: string }) {
  return renderEmail(
    "Confirm your email for MIEUX+ Community",
    <EmailLayout preview="Confirm your email address to finish signing up.">
      <Paragraph>Hello {name},</Paragraph>
      <Paragraph>Please confirm that this is your email address to finish creating your MIEUX+ Community account.</Paragraph>
      <ActionButton href={link}>Confirm my email</ActionButton>
      <LinkFallback href={link} />
      <Paragraph>The link works for 24 hours. If you did not sign up, you can ignore this message.</Paragraph>
    </EmailLayout>,
  );
}
