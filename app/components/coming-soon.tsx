import { Link } from "@remix-run/react";
import { Hammer } from "#app/components/ui/icons.tsx";
import { Card } from "./ui/card.tsx";

/** An honest placeholder for an area that is planned but not built yet: no fake data. */
export function ComingSoon({ title, description, planned }: { title: string; description: string; planned: string[] }) {
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-bold sm:text-4xl">{title}</h1>
      <p className="mt-3 text-lg text-muted">{description}</p>
      <Card className="mt-6">
        <div className="flex items-start gap-3">
          <Hammer aria-hidden="true" className="mt-1 size-6 shrink-0 text-brand-700" />
          <div>
            <h2 className="text-xl font-bold">Coming soon</h2>
            <p className="mt-1">This part of MIEUX+ Community is being built. It will let you:</p>
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {planned.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
            <p className="mt-3 text-sm text-muted">
              Until then, the MIEUX+ team shares news on the network&apos;s LinkedIn community. <Link to="/">Back to the home page</Link>.
            </p>
          </div>
        </div>
      </Card>
    </div>
  );
}
