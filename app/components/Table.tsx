/**
 * A table that scrolls sideways inside its own box (never the page); the box is a named, focusable region so keyboard
 * users can scroll it.
 */
export function Table({
  label,
  children,
  className,
}: {
  label: string;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      <table className={className}>{children}</table>
    </div>
  );
}

/** A column header for numbers (right-aligned like its cells). */
export function NumTh({ children }: { children: React.ReactNode }) {
  return (
    <th scope="col" className="num">
      {children}
    </th>
  );
}
