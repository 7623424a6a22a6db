import { ActionButton, EmailLayout, LinkFallback, Paragraph } from "./components/layout.tsx";
import { renderEmail } from "./render.ts";

export function resetPasswordMessage({ name, link }: { name: string; link: string }) {
  return renderEmail(
    "Reset your MIEUX+ Community password",
    <EmailLayout preview="Choose a new password for your account.">
      <Paragraph>Hello {name},</Paragraph>
      <Paragraph>We received a request to reset your password. Choose a new one with this link:</Paragraph>
      <ActionButton href={link}>Choose a new password</ActionButton>
      <LinkFallback href={link} />
      <Paragraph>
        The link works once and expires in 30 minutes. If you did not ask for it, ignore this message: your password stays
        the same.
      </Paragraph>
    </EmailLayout>,
  );
}
