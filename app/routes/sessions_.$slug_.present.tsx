import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireVerifiedUser } from "#app/utils/guards.server.ts";
import { qaAccess } from "#app/modules/qa/access.server.ts";
import { sortQuestions, type QaQuestion } from "#app/modules/qa/events.ts";
import { existingJoinCode, joinCodeFor, qrSvg } from "#app/modules/qa/join-code.server.ts";
import { qaState } from "#app/modules/qa/questions.server.ts";
import { useQaSocket } from "#app/modules/qa/use-qa-socket.ts";
import { getEnv } from "#app/utils/env.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data ? `Presenter screen: ${data.state.session.title}` : "Presenter screen", "The questions of a Morning Coffee Q&A, large, for the screen the speakers share.");

/** Only reads: the join code is given when the session is published, or by the action below. */
export async function loader(args: LoaderFunctionArgs) {
  const user = requireVerifiedUser(args);
  const access = await qaAccess(user, args.params.slug ?? "");
  if (!access.ok) throw new Response("Not found", { status: 404 });
  const [state, joinCode] = await Promise.all([qaState(user, access.value), existingJoinCode(access.value.coffee.id)]);
  const base = getEnv().APP_URL.replace(/\/$/, "");
  const qaUrl = `${base}/sessions/${state.session.slug}/qa`;
  return { state, joinCode, joinAt: `${base.replace(/^https?:\/\//, "")}/j`, qaUrl, qr: await qrSvg(qaUrl) };
}

/** Gives a join code to a session published before codes were given on publication. */
export async function action(args: ActionFunctionArgs) {
  const user = requireVerifiedUser(args);
  const access = await qaAccess(user, args.params.slug ?? "");
  if (!access.ok) throw new Response("Not found", { status: 404 });
  await joinCodeFor(access.value.coffee.id);
  return redirect(`/sessions/${access.value.coffee.slug}/present`, { status: 303 });
}

/** What may go on the big screen: published questions, never a name the asker chose to hide. */
function onScreen(questions: QaQuestion[]) {
  return questions.filter((q) => q.status === "approved" || q.status === "answered");
}

function askerLine(q: QaQuestion) {
  return q.anonymous || !q.author ? "Anonymous" : q.author.name;
}

/** Full-screen, high-contrast view for the room's big screen: the pinned question large, then the top questions. */
export default function PresenterScreen() {
  const { state: initial, joinCode, joinAt, qaUrl, qr } = useLoaderData<typeof loader>();
  const { state, presence, connected } = useQaSocket(initial, { announce: false });
  const visible = onScreen(state.questions);
  const pinned = visible.find((q) => q.pinned) ?? null;
  const top = sortQuestions(visible.filter((q) => !q.pinned && q.status === "approved"), "top").slice(0, 5);
  return (
    <div className="fixed inset-0 z-50 flex flex-col overflow-auto bg-[#0b1020] p-8 text-white lg:p-12">
      <header className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-2xl font-bold text-white lg:text-3xl">{state.session.title}</h1>
        {connected && presence !== null ? <p className="text-xl text-[#e6e9f2]">{`${presence} ${presence === 1 ? "person" : "people"} here`}</p> : null}
      </header>
      <section aria-labelledby="join-heading" className="mt-6 flex flex-wrap items-center gap-6">
        {/* Drawn on the server by the qrcode library from our own URL; no user text goes into it. */}
        <div role="img" aria-label={`QR code that opens the Q&A at ${qaUrl}`} className="size-40 shrink-0 rounded bg-white p-1 lg:size-48 [&>svg]:size-full" data-testid="join-qr" dangerouslySetInnerHTML={{ __html: qr }} />
        <div>
          <h2 id="join-heading" className="text-xl font-semibold tracking-wide text-[#ffdb4d] uppercase">Ask your questions</h2>
          {joinCode ? (
            <>
              <p className="mt-2 text-2xl text-white">
                Scan the code, or go to <strong className="text-[#ffdb4d]">{joinAt}</strong> and type
              </p>
              <p className="mt-1 font-mono text-5xl font-bold tracking-[0.2em] text-[#ffdb4d]">
                <span aria-hidden="true" data-testid="join-code">{joinCode}</span>
                {/* Read out one character at a time. */}
                <span className="sr-only">{`Join code: ${joinCode.split("").join(" ")}`}</span>
              </p>
            </>
          ) : (
            <Form method="post" className="mt-2">
              <p className="text-2xl text-white">Scan the code, or show a short code people can type.</p>
              <button type="submit" className="mt-3 rounded-md bg-[#ffdb4d] px-4 py-2 text-lg font-bold text-[#0b1020]">Show a join code</button>
            </Form>
          )}
        </div>
      </section>
      <div className="mt-8 flex flex-1 flex-col gap-10">
        <section aria-labelledby="now-heading" aria-live="polite">
          <h2 id="now-heading" className="text-xl font-semibold tracking-wide text-[#ffdb4d] uppercase">Now answering</h2>
          {pinned ? (
            <figure className="mt-3">
              <blockquote className="text-4xl leading-tight font-bold text-white lg:text-6xl" data-testid="pinned">{pinned.body}</blockquote>
              <figcaption className="mt-4 text-2xl text-[#e6e9f2]">{askerLine(pinned)} · {pinned.votes} {pinned.votes === 1 ? "vote" : "votes"}</figcaption>
            </figure>
          ) : (
            <p className="mt-3 text-3xl text-[#e6e9f2]">The moderators will pin the question being answered here.</p>
          )}
        </section>
        <section aria-labelledby="top-heading">
          <h2 id="top-heading" className="text-xl font-semibold tracking-wide text-[#ffdb4d] uppercase">Top questions</h2>
          {top.length ? (
            <ol className="mt-3 space-y-4" data-testid="top-questions">
              {top.map((q) => (
                <li key={q.id} className="flex items-baseline gap-6 border-b border-[#3a4566] pb-4">
                  <span className="w-24 shrink-0 text-right text-4xl font-bold text-[#ffdb4d]">{q.votes}<span className="sr-only"> votes</span></span>
                  <span className="text-3xl text-white">{q.body} <span className="text-xl text-[#c9cfdd]">— {askerLine(q)}</span></span>
                </li>
              ))}
            </ol>
          ) : (
            <p className="mt-3 text-2xl text-[#e6e9f2]">No questions yet.</p>
          )}
        </section>
      </div>
      <p className="mt-8 text-sm">
        <Link to={`/sessions/${state.session.slug}/qa`} className="text-[#c9d6ff]">Leave the presenter screen</Link>
      </p>
    </div>
  );
}
