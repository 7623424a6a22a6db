import { Link } from "@remix-run/react";
import { EuEmblem } from "./eu-emblem.tsx";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-line bg-white">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 text-sm text-muted sm:grid-cols-3">
        <div>
          <p className="font-serif text-base font-bold text-brand-900">MIEUX+ Community</p>
          <p className="mt-1">
            The online home of the MIEUX+ Expert Roster: public officials from EU Member States sharing migration expertise with
            partner administrations worldwide.
          </p>
        </div>
        <div>
          {/* EU-funded projects show the emblem with this statement beside it. */}
          <div className="flex items-center gap-3">
            <EuEmblem className="h-10 w-auto shrink-0" />
            <p className="font-semibold text-ink">Funded by the European Union</p>
          </div>
          <p className="mt-2">MIEUX+ is implemented by the International Centre for Migration Policy Development (ICMPD).</p>
        </div>
        <nav aria-label="Footer">
          <ul className="space-y-1">
            <li><Link to="/sessions">Morning Coffee sessions</Link></li>
            <li><Link to="/roster">Expert Roster</Link></li>
            <li><Link to="/privacy">Privacy and your data</Link></li>
            <li><Link to="/accessibility">Accessibility statement</Link></li>
          </ul>
        </nav>
      </div>
      <p className="mx-auto max-w-6xl px-4 pb-6 text-sm text-muted">
        Open source software under the{" "}
        <a href="https://joinup.ec.europa.eu/collection/eupl/eupl-text-eupl-12" hrefLang="en">European Union Public Licence (EUPL) v1.2</a>.
      </p>
    </footer>
  );
}
