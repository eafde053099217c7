import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import type { ChartSpec } from "./specs";

const { document } = parseHTML("<!doctype html><html><head></head><body></body></html>");

/** A chart at two widths: `wide` for a desktop column, `narrow` for a phone (see components/Chart.tsx). */
export interface RenderedChart {
  wide: string;
  narrow: string;
}

export const WIDE = 640;
export const NARROW = 300;

/** Renders a chart spec to an SVG (or figure) string on the server: pages work without JavaScript. */
export function renderChart(spec: ChartSpec, width?: number): string {
  const options = { ...spec.options, ...(width ? { width: Math.min(width, spec.options.width ?? width) } : {}) };
  // a narrow chart keeps its margins in proportion (a 140 px label column would leave no room for bars)
  if (width && width < WIDE && (options.marginLeft ?? 0) > 100) options.marginLeft = 100;
  const el = Plot.plot({
    ...options,
    style: { fontSize: "12px" },
    document,
    ariaLabel: spec.title || undefined,
    ariaDescription: spec.description,
  } as Plot.PlotOptions) as unknown as { outerHTML: string };
  const svg = accessible(el.outerHTML, spec.title);
  if (!spec.title) return svg;
  return (
    `<figure class="chart"><figcaption>${escapeHtml(spec.title)}</figcaption>${svg}<p ` +
    `class="sr-only">${escapeHtml(spec.description)}</p></figure>`
  );
}

/** Both widths of one chart. */
export function renderChartSet(spec: ChartSpec): RenderedChart {
  return { wide: renderChart(spec, WIDE), narrow: renderChart(spec, NARROW) };
}

/**
 * Plot names its mark groups with aria-label, which is not allowed on an SVG <g> without a role. The chart is one
 * image with a text equivalent (the caption and description next to it), so the groups drop their labels, and a
 * chart without a title is decoration.
 */
function accessible(html: string, title: string): string {
  let out = html
    .replace(/(<g\b[^>]*?)\s+aria-(?:label|description)="[^"]*"/g, "$1")
    .replace(/(<g\b[^>]*?)\s+aria-(?:label|description)="[^"]*"/g, "$1");
  // the plot's own svg carries the chart's name; legend swatches and untitled sparklines are hidden from readers
  out = out.replace(/<svg\b([^>]*)>/g, (_m, attrs: string) =>
    title && /\baria-label=/.test(attrs) ? `<svg role="img"${attrs}>` : `<svg aria-hidden="true"${attrs}>`,
  );
  return out;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}
