/**
 * Speed of `buildReport` on a 500-asset, 20-year run (5,000 trading days,
 * ~5,750 trades, ~11,500 fills): goal under 1 second, file under 5 MB.
 * Run: `deno bench --allow-read lib/report/report_bench.ts`; the size is printed once.
 *
 * @module
 */
import { buildReport } from "./build_report.ts";
import { syntheticRunResult } from "./testdata/synthetic_run_result.ts";

const BIG = syntheticRunResult({ assets: 500, days: 5000 });
const bytes = new TextEncoder().encode(buildReport(BIG)).length;
console.log(
  `report of 500 assets x 5,000 days (${BIG.trades.length} trades): ${
    (bytes / 1_048_576).toFixed(2)
  } MB`,
);

Deno.bench("buildReport() of a 500-asset, 20-year run", () => {
  buildReport(BIG);
});
