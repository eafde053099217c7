import { Link, useSearchParams } from "@remix-run/react";

/** Previous / next links that keep the page's filters. */
export function Pager({
  page,
  hasNext,
  labels = ["← previous", "next →"],
  children,
}: {
  page: number;
  hasNext: boolean;
  labels?: [string, string];
  children?: React.ReactNode;
}) {
  const [params] = useSearchParams();
  const link = (p: number) => {
    const n = new URLSearchParams(params);
    n.set("page", String(p));
    return `?${n}`;
  };
  return (
    <div className="pager">
      {page > 1 ? <Link to={link(page - 1)}>{labels[0]}</Link> : null}
      {children}
      {hasNext ? <Link to={link(page + 1)}>{labels[1]}</Link> : null}
    </div>
  );
}
