import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useNavigation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { currentUser } from "./session.server";
import { can } from "./core/auth/roles";
import { ROLE_LABELS, type Role } from "./core/auth/roles";
import { useNonce } from "./nonce";
import styles from "./styles.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  {
    rel: "icon",
    href:
      "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 " +
      "16'%3E%3Crect width='16' height='16' rx='3' fill='%232f5d8a'/%3E%3C/svg%3E",
  },
];

/** The tab's title for routes without their own (each page route exports one), and for error pages. */
export const meta: MetaFunction = ({ error }) => {
  if (!error) return [{ title: "Promise Trail" }];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return [
    {
      title:
        `${status === 404 ? "Page not found" : status === 403 ? "Not allowed" : "Something went wrong"} ` +
        `· Promise Trail`,
    },
  ];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await currentUser(request, context);
  return {
    user: user
      ? {
          name: user.name,
          email: user.email,
          role: user.role,
          canUpload: can(user.role, "upload"),
          isAdmin: can(user.role, "manage_users"),
        }
      : null,
  };
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
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

type RootData = Awaited<ReturnType<typeof loader>>;

function Header() {
  const data = useRouteLoaderData<typeof loader>("root") as RootData | undefined;
  const nav = useNavigation();
  const user = data?.user;
  return (
    <header className="top">
      <a href="#main" className="skip-link">
        Skip to main content
      </a>
      <Link to="/" className="brand">
        Promise Trail
      </Link>
      {user ? (
        <nav aria-label="Main">
          {NAV.map(([to, text]) => (
            <NavLink key={to} to={to}>
              {text}
            </NavLink>
          ))}
        </nav>
      ) : null}
      <span className="who">
        <span aria-live="polite">{nav.state !== "idle" ? "Loading… " : ""}</span>
        {user ? (
          <>
            {user.name} · {ROLE_LABELS[user.role as Role] ?? user.role} ·{" "}
            <form method="post" action="/logout" className="inline">
              <button className="link-button">Sign out</button>
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
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

/**
 * One kind error page for every failure: 403, 404, bad input and crashes — in words for the reader, never internals.
 */
export function ErrorBoundary() {
  const error = useRouteError();
  const location = useLocation();
  const signedIn = Boolean((useRouteLoaderData<typeof loader>("root") as RootData | undefined)?.user);
  let title = "Something went wrong";
  let detail =
    "The error was logged. Try again in a moment; if it keeps happening, tell your admin what you were doing.";
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = "Page not found";
      // Remix's own "No route matches URL" is for developers; a missing packet or field says what is missing
      detail =
        typeof error.data === "string" && error.data && !/no route matches/i.test(error.data)
          ? error.data
          : `There is no page at ${location.pathname}. Check the address, or use the links above.`;
    } else if (error.status === 403) {
      title = "Not allowed";
      detail = typeof error.data === "string" && error.data ? error.data : "Your account cannot do this.";
    } else {
      title = error.status === 400 ? "That request could not be used" : `Something went wrong (${error.status})`;
      detail = typeof error.data === "string" && error.data && error.status < 500 ? error.data : detail;
    }
  }
  return (
    <>
      <Header />
      <main id="main" tabIndex={-1}>
        <div className="card">
          <h1>{title}</h1>
          <p>{detail}</p>
          <p>
            {signedIn ? (
              <>
                <Link to="/">Go to your start page</Link> · <Link to="/packets">Review queue</Link> ·{" "}
                <Link to="/pilot">Pilot overview</Link>
              </>
            ) : (
              <Link to="/login">Sign in</Link>
            )}
          </p>
        </div>
      </main>
    </>
  );
}
