// Pure chart specs: data in, Observable Plot options out (rendered to SVG on the server by render.server.ts).
import * as Plot from "@observablehq/plot";

export interface ChartSpec {
  title: string;
  /** text equivalent for screen readers */
  description: string;
  options: Plot.PlotOptions;
}

const BLUE = "#2f5d8a";
const ORANGE = "#c8702a";
const GREY = "#9aa5b1";

export function completenessChart(rows: { week: string; completeness: number; period: string }[]): ChartSpec {
  const data = rows.map((r) => ({ ...r, date: new Date(r.week) }));
  return {
    title: "Handoff completeness by week of kickoff",
    description: `Mean share of the seven packet parts present, per week; ${rows.length} weeks.`,
    options: {
      height: 220,
      marginLeft: 48,
      y: { domain: [0, 1], tickFormat: "%", label: "Completeness", grid: true },
      x: { label: "Week of kickoff", type: "utc" },
      color: { domain: ["baseline", "pilot"], range: [GREY, BLUE], legend: true },
      marks: [
        Plot.ruleY([0]),
        Plot.lineY(data, { x: "date", y: "completeness", stroke: "period", strokeWidth: 2 }),
        Plot.dot(data, { x: "date", y: "completeness", fill: "period", r: 2.5, tip: true }),
      ],
    },
  };
}

export function flagsChart(
  rows: { week: string; flags_accepted: number; flags_rejected: number; period: string }[],
): ChartSpec {
  const data = rows
    .filter((r) => r.period === "pilot")
    .flatMap((r) => [
      { date: new Date(r.week), decision: "accepted", n: r.flags_accepted },
      { date: new Date(r.week), decision: "rejected", n: r.flags_rejected },
    ]);
  return {
    title: "Flags accepted vs rejected per week (pilot)",
    description:
      `Review decisions per week of kickoff during the pilot: ` +
      `${data.filter((d) => d.decision === "accepted").reduce((a, d) => a + d.n, 0)} ` +
      `accepted, ${data.filter((d) => d.decision === "rejected").reduce((a, d) => a + d.n, 0)} ` +
      `rejected.`,
    options: {
      height: 220,
      marginLeft: 48,
      y: { label: "Flags", grid: true, domain: [0, Math.max(1, ...data.map((d) => d.n))] },
      x: { label: "Week of kickoff", type: "utc" },
      color: { domain: ["accepted", "rejected"], range: [BLUE, ORANGE], legend: true },
      marks: [Plot.rectY(data, { x: "date", y: "n", fill: "decision", interval: "week", tip: true }), Plot.ruleY([0])],
    },
  };
}

export function reworkChart(
  rows: { week: string; early_rework_per_packet: number | null; period: string }[],
): ChartSpec {
  // weeks whose packets are all still inside their 14-day window have no rate yet: left out, never drawn as zero
  const data = rows
    .filter((r) => r.early_rework_per_packet !== null)
    .map((r) => ({ ...r, early_rework_per_packet: r.early_rework_per_packet as number, date: new Date(r.week) }));
  const open = rows.length - data.length;
  return {
    title: "Early rework per matured packet: baseline vs pilot",
    description:
      `Rework items logged in the first 14 days after kickoff, per packet whose 14-day window has closed, ` +
      `by week of kickoff${open ? `; ${open} recent week${open === 1 ? "" : "s"} still maturing, not shown` : ""}.`,
    options: {
      height: 220,
      marginLeft: 48,
      // an all-zero series still gets a readable axis
      y: {
        label: "Items per packet",
        grid: true,
        domain: [0, Math.max(0.5, ...data.map((d) => d.early_rework_per_packet))],
      },
      x: { label: "Week of kickoff", type: "utc" },
      color: { domain: ["baseline", "pilot"], range: [GREY, BLUE], legend: true },
      marks: [
        Plot.rectY(data, { x: "date", y: "early_rework_per_packet", fill: "period", interval: "week", tip: true }),
        Plot.ruleY([0]),
      ],
    },
  };
}

export function fieldsChart(rows: { source: string; share: number }[]): ChartSpec {
  return {
    title: "Recurring ambiguous fields: share of reviewed packets with an accepted flag",
    description:
      rows.map((r) => `${r.source.replace(/_/g, " ")}: ${Math.round(r.share * 100)}%`).join("; ") ||
      "No reviewed packets yet.",
    options: {
      height: Math.max(120, rows.length * 34 + 40),
      marginLeft: 140,
      x: { domain: [0, 1], tickFormat: "%", label: "Share of reviewed packets", grid: true },
      y: { label: null, domain: rows.map((r) => r.source.replace(/_/g, " ")) },
      marks: [
        Plot.barX(rows, { y: (d) => d.source.replace(/_/g, " "), x: "share", fill: BLUE }),
        Plot.text(rows, {
          y: (d) => d.source.replace(/_/g, " "),
          x: "share",
          text: (d) => `${Math.round(d.share * 100)}%`,
          dx: 14,
        }),
        Plot.ruleX([0]),
      ],
    },
  };
}

export function beforeAfterChart(before: number | null, after: number | null, topic: string): ChartSpec {
  const data = [
    { when: "before fix", rate: before ?? 0 },
    { when: "after fix", rate: after ?? 0 },
  ];
  return {
    title: `"${topic}": packets with the gap, before vs after the template fix`,
    description:
      `Before: ${before === null ? "no data" : Math.round(before * 100) + "%"}; ` +
      `after: ${after === null ? "no data yet" : Math.round(after * 100) + "%"}.`,
    options: {
      height: 120,
      width: 360,
      marginLeft: 80,
      x: { domain: [0, 1], tickFormat: "%", label: "Share of reviewed packets" },
      y: { label: null, domain: ["before fix", "after fix"] },
      marks: [
        Plot.barX(data, { y: "when", x: "rate", fill: (d) => (d.when === "after fix" ? BLUE : GREY) }),
        Plot.ruleX([0]),
      ],
    },
  };
}

export function sparkline(values: number[]): ChartSpec {
  const data = values.map((v, i) => ({ i, v }));
  return {
    title: "",
    description: "trend",
    options: {
      height: 28,
      width: 120,
      margin: 2,
      axis: null,
      marks: [Plot.lineY(data, { x: "i", y: "v", stroke: BLUE })],
    },
  };
}
