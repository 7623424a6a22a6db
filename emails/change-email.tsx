import { ActionButton, EmailLayout, LinkFallback, Paragraph } from "./components/layout.tsx";
import { renderEmail } from "./render.ts";

export function confirmNewEmailMessage({ name, link }: { name: string; link: string }) {
  return renderEmail(
    "Confirm your new email address",
    <EmailLayout preview="Confirm the new address for your MIEUX+ Community account.">
      <Paragraph>Hello {name},</Paragraph>
      <Paragraph>You asked to use this address for your MIEUX+ Community account. Confirm it to make the change:</Paragraph>
      <ActionButton href={link}>Use this address</ActionButton>
      <LinkFallback href={link} />
      <Paragraph>The link works for 24 hours. Until then, your old address stays in use.</Paragraph>
    </EmailLayout>,
  );
}

export function emailChangedNoticeMessage({ name, newEmail }: { name: string; newEmail: string }) {
  return renderEmail(
    "Your MIEUX+ Community email address was changed",
    <EmailLayout preview="The email address of your account was changed.">
      <Paragraph>Hello {name},</Paragraph>
      <Paragraph>The email address of your MIEUX+ Community account is now {newEmail}.</Paragraph>
      <Paragraph>If you did not make this change, contact the MIEUX+ team straight away.</Paragraph>
    </EmailLayout>,
  );
}

export function emailInUseMessage({ link }: { link: string }) {
  return renderEmail(
    "Someone tried to use your email address",
    <EmailLayout preview="Your address is already linked to a MIEUX+ Community account.">
      <Paragraph>Hello,</Paragraph>
      <Paragraph>
        Someone tried to move another MIEUX+ Community account to this email address, which already has an account. Nothing
        has changed. If you forgot your password you can reset it: {link}
      </Paragraph>
    </EmailLayout>,
  );
}
