import type { MetaFunction } from "@remix-run/node";
import { Card } from "#app/components/ui/card.tsx";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Settings: notifications", "Choose which emails MIEUX+ Community sends you.");

export default function NotificationSettings() {
  return (
    <Card>
      <h2 className="text-2xl font-bold">Notifications</h2>
      <p className="mt-2">
        Today we email you only what you need: account messages (confirmations, password changes) and, once Morning Coffee
        registration opens, invites and reminders for the sessions you register for.
      </p>
      <p className="mt-2 text-muted">Choosing which updates and digests you receive is coming soon.</p>
    </Card>
  );
}
