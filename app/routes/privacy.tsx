import type { MetaFunction } from "@remix-run/node";
import { Card } from "#app/components/ui/card.tsx";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Privacy and your data", "What MIEUX+ Community keeps about you, why, for how long, and how to export or delete it.");

export default function PrivacyNotice() {
  return (
    <Card className="mx-auto max-w-3xl space-y-3">
      <h1 className="text-3xl font-bold">Privacy and your data</h1>
      <p>MIEUX+ Community is run for the MIEUX+ Initiative, funded by the European Union and implemented by ICMPD. It holds data about public officials, so it keeps as little as it can.</p>
      <h2 className="text-xl font-bold">What we keep</h2>
      <ul className="list-disc space-y-1 pl-5">
        <li>Your account: name, email, Member State or country, institution and role.</li>
        <li>Log-in sessions (device, IP address, times), so you can see and end them.</li>
        <li>What you do in the community: registrations, questions, votes and posts.</li>
        <li>Optional roster details you choose to add. Sensitive fields such as gender are optional and only ever shown as totals for groups of at least five people.</li>
      </ul>
      <h2 className="text-xl font-bold">Your choices</h2>
      <p>From your settings you can download all your data as a file, choose who sees your profile, and delete your account. Deleting erases your personal details and signs you out everywhere; what you wrote stays, shown as written by a former member.</p>
      <p>Passwords are stored only as salted argon2id hashes; session and link tokens only as SHA-256 hashes.</p>
    </Card>
  );
}
