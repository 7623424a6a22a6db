import { EmailLayout, Paragraph } from "./components/layout.tsx";
import { renderEmail } from "./render.ts";

export function passwordChangedMessage({ name, resetLink }: { name: string; resetLink: string }) {
  return renderEmail(
    "Your MIEUX+ Community password was changed",
    <EmailLayout preview="Your password was changed and other devices were signed out.">
      <Paragraph>Hello {name},</Paragraph>
      <Paragraph>Your password was just changed, and every other device was signed out.</Paragraph>
      <Paragraph>If this was not you, reset your password now: {resetLink}</Paragraph>
    </EmailLayout>,
  );
}
