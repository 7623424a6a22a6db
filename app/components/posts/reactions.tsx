import { Form } from "@remix-run/react";
import { cn } from "#app/utils/misc.ts";

export type ReactionView = { kind: string; emoji: string; label: string; count: number; mine: boolean; names: string[] };

/**
 * The four reactions with counts. Each is a toggle button (aria-pressed) with a text label;
 * who reacted shows on hover and on keyboard focus.
 */
export function Reactions({ targetType, targetId, reactions, canReact }: { targetType: "post" | "comment"; targetId: string; reactions: ReactionView[]; canReact: boolean }) {
  return (
    <ul className="mt-3 flex flex-wrap gap-2" aria-label="Reactions">
      {reactions.map((r) => {
        const who = r.names.length ? `${r.names.join(", ")}${r.count > r.names.length ? ` and ${r.count - r.names.length} more` : ""}` : "No one yet";
        const tipId = `who-${targetType}-${targetId}-${r.kind}`;
        const content = (
          <>
            <span aria-hidden="true">{r.emoji}</span>
            <span className="sr-only">{r.label}</span>
            <span>{r.count}</span>
          </>
        );
        const classes = cn("inline-flex items-center gap-1 rounded-full border px-3 py-1 text-sm", r.mine ? "border-brand-700 bg-brand-50 font-semibold" : "border-line bg-white");
        return (
          <li key={r.kind} className="group relative">
            {canReact ? (
              <Form method="post" preventScrollReset>
                <input type="hidden" name="intent" value="react" />
                <input type="hidden" name="targetType" value={targetType} />
                <input type="hidden" name="targetId" value={targetId} />
                <input type="hidden" name="reaction" value={r.kind} />
                <button type="submit" aria-pressed={r.mine} aria-describedby={tipId} className={cn(classes, "hover:border-brand-700")}>
                  {content}
                </button>
              </Form>
            ) : (
              <span className={classes} aria-describedby={tipId}>
                {content}
              </span>
            )}
            <span id={tipId} role="tooltip" className="pointer-events-none absolute bottom-full left-0 z-10 mb-1 hidden w-max max-w-64 rounded bg-brand-900 px-2 py-1 text-xs text-white group-focus-within:block group-hover:block">
              {`${r.label}: ${who}`}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
