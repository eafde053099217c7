import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { isRouteErrorResponse, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useLoaderData, useNavigation, useRouteError } from "@remix-run/react";
import { currentUser } from "./session.server";
import { can } from "./core/auth/roles";
import { ROLE_LABELS, type Role } from "./core/auth/roles";
import styles from "./styles.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%232f5d8a'/%3E%3C/svg%3E" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await currentUser(request, context);
  return { user: user ? { name: user.name, email: user.email, role: user.role, canUpload: can(user.role, "upload"), isAdmin: can(user.role, "manage_users") } : null };
}

const NAV: [string, string][] = [
  ["/pilot", "Pilot"],
  ["/packets", "Review queue"],
  ["/fields", "Fields"],
  ["/templates", "Template fixes"],
  ["/rework", "Rework"],
  ["/uploads", "Uploads"],
  ["/runs", "Runs"],
  ["/audit", "Audit"],
  ["/settings", "Settings"],
];

export function Layout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Promise Trail</title>
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

function Header() {
  const data = useLoaderData<typeof loader>();
  const nav = useNavigation();
  const user = data?.user;
  return (
    <header className="top">
      <Link to="/" className="brand">Promise Trail</Link>
      {user ? NAV.map(([to, text]) => <NavLink key={to} to={to}>{text}</NavLink>) : null}
      <span className="who">
        {nav.state !== "idle" ? "Loading… " : ""}
        {user ? (
          <>
            {user.name} · {ROLE_LABELS[user.role as Role] ?? user.role} ·{" "}
            <form method="post" action="/logout" style={{ display: "inline" }}>
              <button className="secondary" style={{ padding: "0 .4rem", fontSize: ".8rem" }}>Sign out</button>
            </form>
          </>
        ) : null}
      </span>
    </header>
  );
}

export default function App() {
  return (
    <>
      <Header />
      <main>
        <Outlet />
      </main>
    </>
  );
}

/** One kind error page for every failure: 403, 404, bad input and crashes. */
export function ErrorBoundary() {
  const error = useRouteError();
  let title = "Something went wrong";
  let detail = "The error was logged. Try again, or go back to the pilot overview.";
  if (isRouteErrorResponse(error)) {
    title = error.status === 403 ? "Not allowed" : error.status === 404 ? "Not found" : `Error ${error.status}`;
    detail = typeof error.data === "string" ? error.data : error.statusText;
  }
  return (
    <main>
      <div className="card">
        <h1>{title}</h1>
        <p>{detail}</p>
        <p><Link to="/pilot">Back to the pilot overview</Link></p>
      </div>
    </main>
  );
}
