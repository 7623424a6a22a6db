import { Link } from "@remix-run/react";

export function ErrorPage({ status, title, message }: { status: number; title: string; message: string }) {
  return (
    <div className="mx-auto max-w-2xl py-16 text-center">
      <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">Error {status}</p>
      <h1 className="mt-2 text-4xl font-bold">{title}</h1>
      <p className="mt-4 text-lg text-muted">{message}</p>
      <div className="mt-8 flex justify-center gap-3">
        <Link to="/" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800">
          Go to the home page
        </Link>
        <Link to="/sessions" className="rounded-md border border-brand-700 px-4 py-2 font-semibold no-underline hover:bg-brand-50">
          See Morning Coffee sessions
        </Link>
      </div>
    </div>
  );
}

export function errorCopy(status: number) {
  switch (status) {
    case 404:
      return { title: "Page not found", message: "We could not find that page. It may have moved, or the address may be mistyped." };
    case 403:
      return { title: "Not allowed", message: "Your account does not have access to this page. If you think it should, contact the MIEUX+ team." };
    case 401:
      return { title: "Please log in", message: "You need to log in to see this page." };
    case 429:
      return { title: "Too many requests", message: "Please wait a moment and try again." };
    default:
      return { title: "Something went wrong", message: "An unexpected error happened on our side. Please try again in a moment." };
  }
}
