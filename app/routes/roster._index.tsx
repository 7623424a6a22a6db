import type { MetaFunction } from "@remix-run/node";
import { ComingSoon } from "#app/components/coming-soon.tsx";

export const meta: MetaFunction = () => [{ title: "Expert Roster — MIEUX+ Community" }];

export default function RosterPage() {
  return (
    <ComingSoon
      title="Expert Roster"
      description="Over 700 public officials from 26 EU Member States have registered on the MIEUX+ Expert Roster."
      planned={[
        "Search experts by Member State, thematic area, institution and language",
        "Keep your own expert profile and availability up to date",
        "See roster statistics: Member States represented, deployments and more",
      ]}
    />
  );
}
