// Numbers for people: percentages, dates, money, counts. Null shows as an em dash.

export const dash = "—";

export function pct(x: number | null | undefined, digits = 0): string {
  return x === null || x === undefined || Number.isNaN(x) ? dash : `${(x * 100).toFixed(digits)}%`;
}

export function num(x: number | null | undefined, digits = 0): string {
  return x === null || x === undefined || Number.isNaN(x)
    ? dash
    : x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function money(x: number | null | undefined, currency = "USD"): string {
  if (x === null || x === undefined) return dash;
  try {
    return x.toLocaleString("en-US", { style: "currency", currency: currency || "USD", maximumFractionDigits: 0 });
  } catch {
    return `${num(x)} ${currency}`;
  }
}

export function day(x: string | Date | null | undefined): string {
  if (!x) return dash;
  const d = typeof x === "string" ? new Date(x.length === 10 ? `${x}T00:00:00Z` : x) : x;
  return Number.isNaN(d.getTime())
    ? dash
    : d.toLocaleDateString("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
}

export function when(x: string | Date | null | undefined): string {
  if (!x) return dash;
  const d = typeof x === "string" ? new Date(x) : x;
  return Number.isNaN(d.getTime())
    ? dash
    : d.toLocaleString("en-US", {
        year: "numeric",
        month: "short",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        timeZone: "UTC",
      }) + " UTC";
}

export const label = (s: string | null | undefined) => (s ?? "").replace(/_/g, " ");
