import { ActionButton, EmailLayout, Paragraph } from "./components/layout.tsx";
import { renderEmail } from "./render.ts";

/** Sent instead of a second account, so sign-up never reveals which addresses are registered. */
export function accountExistsMessage({ name, loginLink, resetLink }: { name: string; loginLink: string; resetLink: string }) {
  return renderEmail(
    "You already have a MIEUX+ Community account",
    <EmailLayout preview="Someone tried to sign up with your email address.">
      <Paragraph>Hello {name},</Paragraph>
      <Paragraph>
        Someone (probably you) tried to create a MIEUX+ Community account with this email address, which already has one.
      </Paragraph>
      <ActionButton href={loginLink}>Log in</ActionButton>
      <Paragraph>Forgot your password? Choose a new one here: {resetLink}</Paragraph>
      <Paragraph>If this was not you, no action is needed: nothing has changed.</Paragraph>
    </EmailLayout>,
  );
}
