/** A chart rendered to SVG on the server (see app/core/charts); shown as-is, so it works without JavaScript. */
export function Chart({ svg }: { svg: string }) {
  return <div className="card" dangerouslySetInnerHTML={{ __html: svg }} />;
}
