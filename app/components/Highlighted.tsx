/** A source field with each flag's evidence highlighted in place; each flag's first segment carries its anchor. */
export function Highlighted({
  text,
  flags,
}: {
  text: string;
  flags: { flag_id: string; start: number | null; end: number | null; status: string; category: string }[];
}) {
  const spans = flags.filter((f) => f.start !== null && f.end !== null && f.end! > f.start!) as {
    flag_id: string;
    start: number;
    end: number;
    status: string;
    category: string;
  }[];
  if (!spans.length) return <>{text}</>;
  const cuts = new Set<number>([0, text.length]);
  for (const f of spans) {
    cuts.add(Math.max(0, Math.min(text.length, f.start)));
    cuts.add(Math.max(0, Math.min(text.length, f.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const anchored = new Set<string>();
  const out: React.ReactNode[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = spans.filter((f) => f.start <= a && f.end >= b);
    const piece = text.slice(a, b);
    if (!covering.length) {
      out.push(piece);
      continue;
    }
    const first = covering.find((f) => f.start === a && !anchored.has(f.flag_id));
    if (first) anchored.add(first.flag_id);
    const status = covering.every((f) => f.status === "rejected")
      ? "rejected"
      : covering.some((f) => f.status === "accepted")
        ? "accepted"
        : "";
    out.push(
      <mark
        key={a}
        id={first ? `ev-${first.flag_id}` : undefined}
        className={status}
        data-flags={covering.map((f) => f.flag_id).join(" ")}
        title={covering.map((f) => f.category.replace(/_/g, " ")).join(", ")}
        tabIndex={first ? -1 : undefined}
      >
        {piece}
      </mark>,
    );
  }
  return <>{out}</>;
}
