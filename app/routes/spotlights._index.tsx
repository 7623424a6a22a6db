import type { MetaFunction } from "@remix-run/node";
import { ComingSoon } from "#app/components/coming-soon.tsx";

export const meta: MetaFunction = () => [{ title: "Action Spotlights — MIEUX+ Community" }];

export default function SpotlightsPage() {
  return (
    <ComingSoon
      title="Action Spotlights"
      description="Each Morning Coffee features an Action Spotlight: highlights, achievements and the migration context of the featured country."
      planned={[
        "Read every Spotlight, past and upcoming",
        "Find the Morning Coffee where a Spotlight was presented",
        "Share lessons learned with the network",
      ]}
    />
  );
}
