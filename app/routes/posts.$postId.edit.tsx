import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PostForm } from "#app/components/posts/post-form.tsx";
import { Card } from "#app/components/ui/card.tsx";
import { requireVerifiedUser } from "#app/utils/guards.server.ts";
import { PostInputSchema } from "#app/modules/posts/posts.schema.ts";
import { getPostForEdit, listActionChoices, updatePost, writingOptions } from "#app/modules/posts/posts.server.ts";
import { POST_KINDS, type PostKind } from "#app/modules/posts/rules.ts";
import { formFailure, parseForm } from "#app/utils/forms.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Edit post", "Change a post you wrote; earlier versions stay in its history.");

export async function loader(args: LoaderFunctionArgs) {
  const user = requireVerifiedUser(args);
  const post = await getPostForEdit(user, args.params.postId ?? "");
  if (!post) throw new Response("Not found", { status: 404 });
  const options = await writingOptions(user.id);
  const kinds = (options?.kinds.length ? options.kinds : [...POST_KINDS]) as PostKind[];
  return {
    options: { kinds: kinds.includes(post.kind as PostKind) ? kinds : [...kinds, post.kind as PostKind].filter((k) => POST_KINDS.includes(k)), memberStates: options?.memberStates ?? null, requireMemberState: options?.requireMemberState ?? false, actions: await listActionChoices() },
    values: { title: post.title, body: post.body, kind: post.kind, memberState: post.memberState ?? "", actionId: post.actionId ?? "", tags: post.tags.map((t) => t.value).join(", "), visibility: post.visibility, coverAlt: post.coverAlt },
    areas: post.thematicAreas ? post.thematicAreas.split("|") : [],
  };
}

export async function action(args: ActionFunctionArgs) {
  const user = requireVerifiedUser(args);
  const postId = args.params.postId ?? "";
  const formData = await args.request.formData();
  const parsed = parseForm(formData, PostInputSchema, { arrays: ["thematicAreas"] });
  if (!parsed.ok) return data(parsed, { status: 400 });
  const cover = formData.get("cover");
  const result = await updatePost(user, postId, parsed.data, cover instanceof File ? cover : null);
  if (!result.ok) return data(formFailure(formData, result.error.fields ?? {}, result.error.fields ? undefined : result.error.message), { status: result.error.code === "forbidden" ? 403 : result.error.code === "not_found" ? 404 : 400 });
  return redirectWithToast(`/posts/${postId}`, { type: "success", title: "Post updated" });
}

export default function EditPost() {
  const { options, values, areas } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold">Edit post</h1>
      <Card className="mt-6">
        <PostForm options={options} values={actionData?.values ?? values} areas={areas} errors={actionData?.fieldErrors ?? {}} formError={actionData?.formError} submitLabel="Save changes" />
      </Card>
    </div>
  );
}
