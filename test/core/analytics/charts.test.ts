import { describe, expect, it } from "vitest";
import { renderChart } from "../../../app/core/charts/render.server";
import { completenessChart, fieldsChart, flagsChart, reworkChart } from "../../../app/core/charts/specs";

const weeks = [
  {
    week: "2026-03-02",
    completeness: 0.9,
    period: "baseline",
    flags_accepted: 0,
    flags_rejected: 0,
    early_rework_per_packet: 0,
  },
  {
    week: "2026-03-09",
    completeness: 1,
    period: "pilot",
    flags_accepted: 3,
    flags_rejected: 1,
    early_rework_per_packet: 0,
  },
];

describe("charts rendered on the server", () => {
  it("produce an SVG figure with a title and accessible text", () => {
    const html = renderChart(fieldsChart([{ source: "kickoff_note", share: 0.5 }]));
    expect(html).toMatch(/^<figure class="chart"><figcaption>Recurring ambiguous fields/);
    expect(html).toContain("<svg");
    expect(html).toContain("kickoff note: 50%");
  });
  it("give an all-zero series a readable axis (no NaN, no degenerate ticks)", () => {
    const html = renderChart(reworkChart(weeks));
    expect(html).not.toMatch(/NaN|Infinity/);
    expect(html).toMatch(/>0\.5</);
  });
  it("render every weekly chart without NaN", () => {
    for (const spec of [completenessChart(weeks), flagsChart(weeks)]) expect(renderChart(spec)).not.toMatch(/NaN/);
  });
});
