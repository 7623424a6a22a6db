import type { MetaFunction } from "@remix-run/node";
import { ComingSoon } from "#app/components/coming-soon.tsx";

export const meta: MetaFunction = () => [{ title: "Resources — MIEUX+ Community" }];

export default function ResourcesPage() {
  return (
    <ComingSoon
      title="Resources"
      description="Publications, cultural-agility tips and learning resources shared by experts and the MIEUX+ team."
      planned={[
        "Read and share publications and learning resources",
        "Find cultural-agility tips for deployments",
        "Comment and discuss with other members",
      ]}
    />
  );
}
