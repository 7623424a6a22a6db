import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PostForm } from "#app/components/posts/post-form.tsx";
import { Card } from "#app/components/ui/card.tsx";
import { requireVerifiedUser } from "#app/utils/guards.server.ts";
import { PostInputSchema } from "#app/modules/posts/posts.schema.ts";
import { createPost, listActionChoices, writingOptions } from "#app/modules/posts/posts.server.ts";
import { formFailure, parseForm } from "#app/utils/forms.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("New post", "Share an update, a publication, a cultural-agility tip or news with the MIEUX+ network.");

async function formOptions(userId: string) {
  const options = await writingOptions(userId);
  if (!options?.kinds.length) throw new Response("Posting is open to Focal Points, experts and the MIEUX+ team.", { status: 403, statusText: "Forbidden" });
  return { ...options, actions: await listActionChoices() };
}

export async function loader(args: LoaderFunctionArgs) {
  const user = requireVerifiedUser(args);
  return { options: await formOptions(user.id) };
}

export async function action(args: ActionFunctionArgs) {
  const user = requireVerifiedUser(args);
  const formData = await args.request.formData();
  const parsed = parseForm(formData, PostInputSchema, { arrays: ["thematicAreas"] });
  if (!parsed.ok) return data(parsed, { status: 400 });
  const cover = formData.get("cover");
  const result = await createPost(user, parsed.data, cover instanceof File ? cover : null, { ip: args.context.ip });
  if (!result.ok) return data(formFailure(formData, result.error.fields ?? {}, result.error.fields ? undefined : result.error.message), { status: result.error.code === "forbidden" ? 403 : 400 });
  return redirectWithToast(`/posts/${result.value.id}`, result.value.held ? { type: "info", title: "Thanks: your post will appear once a moderator has reviewed it" } : { type: "success", title: "Post published" });
}

export default function NewPost() {
  const { options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold">New post</h1>
      <Card className="mt-6">
        <PostForm options={options} values={actionData?.values ?? {}} areas={[]} errors={actionData?.fieldErrors ?? {}} formError={actionData?.formError} submitLabel="Publish" />
      </Card>
    </div>
  );
}
