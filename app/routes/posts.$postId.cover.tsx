import type { LoaderFunctionArgs } from "@remix-run/node";
import { readCoverImage } from "#app/modules/posts/cover.server.ts";
import { getPostForPage } from "#app/modules/posts/posts.server.ts";

/** A post's cover image, for those who may read the post. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const viewer = context.user?.emailVerified ? { id: context.user.id, role: context.user.role } : null;
  const post = await getPostForPage(viewer, params.postId ?? "");
  const bytes = post?.coverImage ? await readCoverImage(post.coverImage) : null;
  if (!post || !bytes) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(bytes), {
    headers: { "Content-Type": "image/webp", "Cache-Control": post.visibility === "public" ? "public, max-age=300" : "private, max-age=300", "X-Content-Type-Options": "nosniff" },
  });
}
