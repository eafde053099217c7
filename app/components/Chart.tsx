import type { RenderedChart } from "~/core/charts/render.server";

/**
 * A chart rendered to SVG on the server (see app/core/charts), at two widths: the narrow rendering is shown on
 * phones so the text keeps a readable size instead of shrinking with the picture. Works without JavaScript.
 */
export function Chart({ chart }: { chart: RenderedChart }) {
  return (
    <div className="card">
      <div className="chart-wide" dangerouslySetInnerHTML={{ __html: chart.wide }} />
      <div className="chart-narrow" dangerouslySetInnerHTML={{ __html: chart.narrow }} />
    </div>
  );
}
