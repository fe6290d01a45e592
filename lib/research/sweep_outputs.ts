/**
 * The end of a sweep, from whatever store holds its runs: `ranked.json` and
 * `report.html` written into the sweep's folder, and the ranked table (or the
 * ranked runs as JSON) printed on stdout. `deno task sweep` ends with it, and
 * `deno task sweep --status NAME --report` produces the same from the
 * PostgreSQL store once a queued sweep is complete.
 *
 * @module
 */
import { join } from "node:path";
import { writeFilesAtomically } from "../run/write_results.ts";
import { rankedTableLines, topRuns, writeRankedJson } from "./ranked_runs.ts";
import type { MetricName } from "./sweep_metric.ts";
import { sweepPage } from "./sweep_page.ts";
import { sweepReportData } from "./sweep_report_data.ts";
import type { SweepDefinition, SweepStore } from "./sweep_store.ts";

/** How the outputs are ranked and shown. */
export type SweepOutputOptions = {
  readonly metric: MetricName;
  /** Rows of the table on screen. */
  readonly top: number;
  /** Print ranked.json instead of the table. */
  readonly json: boolean;
};

/** Writes the sweep's ranked.json and report.html into `folder` and prints the ranking. */
export async function writeSweepOutputs(
  store: SweepStore,
  definition: SweepDefinition,
  folder: string,
  options: SweepOutputOptions,
): Promise<void> {
  const { name } = definition;
  await Deno.mkdir(folder, { recursive: true });
  const count = await writeRankedJson(join(folder, "ranked.json"), store, name, options.metric);
  const data = await sweepReportData(store, definition, options.metric);
  const [page] = await writeFilesAtomically(folder, { "report.html": sweepPage(data) });
  if (options.json) {
    console.log(await Deno.readTextFile(join(folder, "ranked.json")));
    return;
  }
  const top = await topRuns(store, name, options.metric, options.top);
  const lines = rankedTableLines(top, definition.parameters.map((p) => p.path), options.metric);
  for (const line of lines) console.log(line);
  console.log(
    `\n${count} runs ranked by ${options.metric}: ${join(folder, "ranked.json")}, ${page}` +
      (store.kind === "sqlite" ? `, ${store.location}` : ` (runs in ${store.location})`),
  );
}
