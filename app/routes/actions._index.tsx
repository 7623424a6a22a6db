import type { MetaFunction } from "@remix-run/node";
import { ComingSoon } from "#app/components/coming-soon.tsx";

export const meta: MetaFunction = () => [{ title: "MIEUX+ Actions — MIEUX+ Community" }];

export default function ActionsPage() {
  return (
    <ComingSoon
      title="MIEUX+ Actions"
      description="Over 100 Actions have brought EU Member State expertise to partner administrations in Africa, Asia, the EU Neighbourhood and Latin America and the Caribbean."
      planned={[
        "Browse Actions by region, thematic area and partner country",
        "See which experts were deployed and what was achieved",
        "Follow updates from ongoing Actions",
      ]}
    />
  );
}
