import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import type { ChartSpec } from "./specs";

const { document } = parseHTML("<!doctype html><html><head></head><body></body></html>");

/** Renders a chart spec to an SVG (or figure) string on the server: pages work without JavaScript. */
export function renderChart(spec: ChartSpec): string {
  const el = Plot.plot({ ...spec.options, document, ariaLabel: spec.title || undefined, ariaDescription: spec.description } as Plot.PlotOptions) as unknown as { outerHTML: string };
  const svg = el.outerHTML;
  if (!spec.title) return svg;
  return `<figure class="chart"><figcaption>${escapeHtml(spec.title)}</figcaption>${svg}<p class="sr-only">${escapeHtml(spec.description)}</p></figure>`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}
