import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Card } from "#app/components/ui/card.tsx";
import { requireRole } from "#app/modules/auth/guards.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Moderation queue", "Posts, comments and questions waiting for a moderator's decision.");

export function loader(args: LoaderFunctionArgs) {
  requireRole(args, "organiser");
  return null;
}

export default function ModerationQueue() {
  return (
    <Card>
      <h2 className="text-2xl font-bold">Moderation queue</h2>
      <p className="mt-2">
        Nothing to moderate yet: member posts and Q&amp;A questions will appear here for approval once those areas open. Live Q&amp;A
        moderation happens on each Morning Coffee&apos;s Q&amp;A page.
      </p>
    </Card>
  );
}
