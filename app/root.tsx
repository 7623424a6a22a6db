import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteError, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { AppToaster, ShowToast } from "./components/toaster.tsx";
import { ErrorPage, errorCopy } from "./components/error-page.tsx";
import { SiteFooter } from "./components/site-footer.tsx";
import { SiteHeader } from "./components/site-header.tsx";
import stylesheet from "./styles/tailwind.css?url";
import { countUnread } from "./modules/notifications/notify.server.ts";
import { pageMeta } from "./utils/meta.ts";
import { useNonce } from "./utils/nonce.tsx";
import { readToast } from "./utils/toast.server.ts";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

// Pages state their own title and description; this one shows on error pages (404 and the rest).
export const meta: MetaFunction = ({ error }) => {
  const copy = errorCopy(error ? (isRouteErrorResponse(error) ? error.status : 500) : 404);
  return pageMeta(copy.title, copy.message);
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { toast, setCookie } = await readToast(request);
  // The bell's count on load, so it shows without JavaScript (then live over Socket.IO).
  const unread = context.user ? await countUnread(context.user.id) : 0;
  return data({ user: context.user, unread, toast }, setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
}

function Document({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en" className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-full flex-col">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  return (
    <>
      <a href="#main" className="sr-only rounded-md bg-white px-4 py-2 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50">
        Skip to main content
      </a>
      <SiteHeader user={root?.user ?? null} unread={root?.unread ?? 0} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 outline-none">
        {children}
      </main>
      <SiteFooter />
      <AppToaster />
    </>
  );
}

export default function App() {
  const { toast } = useLoaderData<typeof loader>();
  return (
    <Document>
      <Shell>
        <Outlet />
      </Shell>
      <ShowToast toast={toast} />
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const copy = errorCopy(status);
  return (
    <Document>
      <Shell>
        <ErrorPage status={status} title={copy.title} message={copy.message} />
      </Shell>
    </Document>
  );
}
