import type { MetaFunction } from "@remix-run/node";
import { ComingSoon } from "#app/components/coming-soon.tsx";

export const meta: MetaFunction = () => [{ title: "Morning Coffee — MIEUX+ Community" }];

export default function MorningCoffeeListPage() {
  return (
    <ComingSoon
      title="Morning Coffee"
      description="Twice a year the network meets online for a Morning Coffee: an Action Spotlight and a live Q&A with the speakers."
      planned={[
        "See upcoming and past Morning Coffees and register in one click",
        "Get calendar invites that open in Outlook, Google Calendar and Apple Calendar",
        "Ask and vote on questions live, and read the Q&A archive afterwards",
      ]}
    />
  );
}
