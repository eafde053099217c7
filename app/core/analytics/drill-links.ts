// Links to "behind the numbers" (/evidence): the flags or packets a figure counts. Pure, so pages build them too.

export interface DrillFilter {
  kind: "flags" | "packets";
  period?: "pilot" | "baseline";
  status?: "open" | "accepted" | "rejected" | "reviewed";
  fact?: "caught" | "expectation";
  maturity?: "matured" | "maturing";
  completeness?: "complete" | "incomplete";
  week?: string;
  category?: string;
  source?: string;
}

export function drillLink(f: DrillFilter): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) p.set(k, String(v));
  return `/evidence?${p}`;
}
