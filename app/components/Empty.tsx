import { Link } from "@remix-run/react";

/** The empty state: what is missing and where to get it. */
export function Empty({ children, upload = true }: { children: React.ReactNode; upload?: boolean }) {
  return (
    <div className="card muted">
      {children}
      {upload ? (
        <p>
          <Link to="/uploads">Upload handoffs</Link> and run scoring from <Link to="/runs">Runs</Link>.
        </p>
      ) : null}
    </div>
  );
}
