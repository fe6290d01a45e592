/**
 * An ingest's report as the ingest script prints it: a table of series (rows
 * stored, added, unchanged, replaced, first and last bar), then actions,
 * skipped rows and, when loaded, fundamentals.
 *
 * @module
 */
import type { IngestReport } from "./ingest.ts";

/** The report as the script prints it: a table of series, then actions and skipped rows. */
export function formatIngestReport(report: IngestReport): string {
  const header = ["ticker", "interval", "rows", "added", "unchanged", "replaced", "first", "last"];
  const rows = report.series.map((s) => [
    s.ticker,
    s.interval,
    String(s.rows),
    String(s.added),
    String(s.unchanged),
    String(s.replaced),
    s.first,
    s.last,
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => (r[i] as string).length))
  );
  const line = (cells: string[]) =>
    cells.map((c, i) => c.padEnd(widths[i] as number)).join("  ").trimEnd();
  const a = report.actions;
  const skipped = Object.entries(report.skippedRows).map(([t, n]) => `${t} ${n}`);
  const f = report.fundamentals;
  return [
    `ingested ${report.series.length} series from ${report.source} into ${report.storePath}`,
    line(header),
    ...rows.map(line),
    `actions: ${a.added} added, ${a.unchanged} unchanged, ${a.replaced} replaced`,
    ...(skipped.length > 0 ? [`skipped rows with null values: ${skipped.join(", ")}`] : []),
    ...(f === undefined ? [] : [
      `fundamentals: ${f.rows} reports, ${f.added} added, ${f.unchanged} unchanged, ${f.replaced} replaced`,
      ...(f.without.length > 0 ? [`no fundamentals for ${f.without.join(", ")}`] : []),
    ]),
  ].join("\n");
}
