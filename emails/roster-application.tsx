import { ActionButton, EmailLayout, LinkFallback, Paragraph } from "./components/layout.tsx";
import { renderEmail } from "./render.ts";

/** To the Focal Points of the applicant's Member State (and nobody else). */
export function rosterApplicationReceivedMessage({ name, applicant, state, link }: { name: string; applicant: string; state: string; link: string }) {
  return renderEmail(
    `New Expert Roster application from ${state}`,
    <EmailLayout preview={`${applicant} asks to join the Expert Roster.`}>
      <Paragraph>Hello {name},</Paragraph>
      <Paragraph>
        {applicant} has applied to join the MIEUX+ Expert Roster for {state}. As a Focal Point for {state} you can approve or decline the application.
      </Paragraph>
      <ActionButton href={link}>Review the application</ActionButton>
      <LinkFallback href={link} />
    </EmailLayout>,
  );
}

export function rosterApprovedMessage({ name, link, note }: { name: string; link: string; note?: string | null }) {
  return renderEmail(
    "Welcome to the MIEUX+ Expert Roster",
    <EmailLayout preview="Your application to the Expert Roster was approved.">
      <Paragraph>Hello {name},</Paragraph>
      <Paragraph>Your application to join the MIEUX+ Expert Roster has been approved. Your profile now appears in the roster directory.</Paragraph>
      {note ? <Paragraph>A note from the reviewer: {note}</Paragraph> : null}
      <ActionButton href={link}>See your expert profile</ActionButton>
      <LinkFallback href={link} />
      <Paragraph>Please keep your availability up to date, so the MIEUX+ team can reach you for the right Actions.</Paragraph>
    </EmailLayout>,
  );
}

export function rosterDeclinedMessage({ name, reason, link }: { name: string; reason: string; link: string }) {
  return renderEmail(
    "Your Expert Roster application",
    <EmailLayout preview="Your application to the Expert Roster was not approved this time.">
      <Paragraph>Hello {name},</Paragraph>
      <Paragraph>Thank you for applying to the MIEUX+ Expert Roster. Your application was not approved this time, for this reason:</Paragraph>
      <Paragraph>“{reason}”</Paragraph>
      <Paragraph>You can update your profile and apply again from your settings.</Paragraph>
      <ActionButton href={link}>Open my roster settings</ActionButton>
      <LinkFallback href={link} />
    </EmailLayout>,
  );
}

export function rosterFreshnessMessage({ name, link, since }: { name: string; link: string; since: string }) {
  return renderEmail(
    "Is your MIEUX+ expert profile still up to date?",
    <EmailLayout preview="Please confirm your availability and profile.">
      <Paragraph>Hello {name},</Paragraph>
      <Paragraph>
        You last confirmed your Expert Roster profile on {since}. Please check that your position, languages and availability for deployment are still right —
        one click confirms them if nothing changed.
      </Paragraph>
      <ActionButton href={link}>Check my profile</ActionButton>
      <LinkFallback href={link} />
    </EmailLayout>,
  );
}
