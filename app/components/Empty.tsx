import { Link, useRouteLoaderData } from "@remix-run/react";

type Next = "upload" | "review" | "pilot_start" | "none";

/** The empty state: what is missing and what to do next — for the reader's role (only RevOps and admins upload). */
export function Empty({ children, next = "upload" }: { children: React.ReactNode; next?: Next | Next[] }) {
  const steps = Array.isArray(next) ? next : [next];
  return (
    <div className="card empty">
      <p>{children}</p>
      {steps.map((n) => (
        <NextStep key={n} next={n} />
      ))}
    </div>
  );
}

function NextStep({ next }: { next: Next }) {
  const root = useRouteLoaderData("root") as { user: { canUpload: boolean; role: string } | null } | undefined;
  const canUpload = Boolean(root?.user?.canUpload);
  const canEditPilot = root?.user?.role === "revops" || root?.user?.role === "admin";
  return (
    <>
      {next === "upload" ? (
        canUpload ? (
          <p>
            <b>Next:</b> <Link to="/uploads">upload a handoff export</Link>, then run scoring from{" "}
            <Link to="/runs">Runs</Link>.
          </p>
        ) : (
          <p>
            <b>Next:</b> ask RevOps to upload the handoff export; this page fills in once packets are scored.
          </p>
        )
      ) : next === "review" ? (
        <p>
          <b>Next:</b> open a packet in the <Link to="/packets">review queue</Link> and accept or reject its flags.
        </p>
      ) : next === "pilot_start" ? (
        canEditPilot ? (
          <p>
            <b>Next:</b> set the pilot start date in <Link to="/settings">Settings</Link>.
          </p>
        ) : (
          <p>
            <b>Next:</b> ask RevOps to set the pilot start date in Settings.
          </p>
        )
      ) : null}
    </>
  );
}
