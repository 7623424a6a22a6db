import type { MetaFunction } from "@remix-run/node";
import { ComingSoon } from "#app/components/coming-soon.tsx";

export const meta: MetaFunction = () => [{ title: "Focal Points by Member State — MIEUX+ Community" }];

export default function FocalPointsPage() {
  return (
    <ComingSoon
      title="Focal Points by Member State"
      description="Each EU Member State names Focal Points, at country or institution level, who channel cooperation opportunities to its experts."
      planned={[
        "See the Focal Points of every Member State and how to reach them",
        "Focal Points: see and endorse your State’s experts and their applications",
        "Relay calls for experts to the right people",
      ]}
    />
  );
}
