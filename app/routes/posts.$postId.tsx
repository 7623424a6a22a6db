import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import Markdown from "react-markdown";
import { Card } from "#app/components/ui/card.tsx";
import { requireVerifiedUser } from "#app/modules/auth/guards.server.ts";
import { getPost } from "#app/modules/posts/posts.server.ts";
import { DateTime } from "#app/components/date-time.tsx";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => data ? pageMeta(data.post.title, `${data.post.kind === "resource" ? "A resource" : "An update"} shared by ${data.post.author} on MIEUX+ Community.`) : pageMeta("Post not found", "This post does not exist or was removed.");

export async function loader(args: LoaderFunctionArgs) {
  requireVerifiedUser(args);
  const post = await getPost(args.params.postId ?? "");
  if (!post) throw new Response("Not found", { status: 404 });
  return { post: { ...post, author: post.author && !post.author.deletedAt ? post.author.name : "Former member" } };
}

/** A post or resource; markdown rendered without raw HTML (react-markdown ignores HTML unless told otherwise). */
export default function PostPage() {
  const { post } = useLoaderData<typeof loader>();
  return (
    <Card className="mx-auto max-w-3xl">
      <p className="text-sm font-semibold text-brand-700 uppercase">{post.kind === "resource" ? "Resource" : "Update"}</p>
      <h1 className="mt-1 text-3xl font-bold">{post.title}</h1>
      <p className="mt-1 text-sm text-muted">
        {post.author} · <DateTime value={post.createdAt} />
      </p>
      <div className="prose-qa mt-6 space-y-4 [&_blockquote]:border-l-4 [&_blockquote]:border-brand-200 [&_blockquote]:pl-4 [&_blockquote]:text-lg [&_blockquote]:font-semibold [&_hr]:border-line">
        <Markdown skipHtml>{post.body}</Markdown>
      </div>
    </Card>
  );
}
