import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { Card } from "#app/components/ui/card.tsx";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Settings: notifications", "Choose which emails MIEUX+ Community sends you.");

export default function NotificationSettings() {
  return (
    <Card>
      <h2 className="text-2xl font-bold">Notifications</h2>
      <p className="mt-2">
        By email we send only what you need: account messages (confirmations, password changes) and invites and reminders for the
        Morning Coffees you register for.
      </p>
      <p className="mt-2">
        In the community, you are told when someone mentions you and when the moderators write to you: see them on your{" "}
        <Link to="/notifications">notifications page</Link>.
      </p>
    </Card>
  );
}
