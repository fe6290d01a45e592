/**
 * Benchmark: scanner classifications per second on one core, three timeframes
 * (1d, 1w, 1mo), 500 assets scanned on each day of a year (252 days) after four
 * years of warm-up. One classification = one asset, day and timeframe, so one
 * iteration does 500 x 252 x 3 = 378,000. Goal: at least 50,000 a second.
 * Run with `deno bench lib/market/scanner_bench.ts`.
 *
 * @module
 */
import { Panel } from "../data/panel.ts";
import { _rangeCase, _trendCase } from "./_scanner_cases.ts";
import { scanHistory } from "./scanner_history.ts";

const ASSETS = 500, WARM_UP = 1_008, YEAR = 252, DAYS = WARM_UP + YEAR;
const panel = Panel.fromSeries(
  Array.from(
    { length: ASSETS },
    (_, a) =>
      a % 3 === 0
        ? _rangeCase(`R${a}`, DAYS, a + 1)
        : _trendCase(`T${a}`, DAYS, a % 3 === 1 ? 0.002 : -0.002, a + 1),
  ),
);
const CLASSIFICATIONS = ASSETS * YEAR * 3;
const history = scanHistory(panel);

function classifyYear(h: ReturnType<typeof scanHistory>): number {
  let found = 0;
  for (let t = WARM_UP; t < DAYS; t++) found += h.at(t).length;
  return found;
}

if (classifyYear(history) !== ASSETS * YEAR) throw new Error("every asset should be classified");

Deno.bench({
  name: `classify ${CLASSIFICATIONS} (asset, day, timeframe) from precomputed columns`,
  fn: () => {
    classifyYear(history);
  },
});

Deno.bench({
  name: `precompute 500 assets x ${DAYS} days x 3 timeframes, then classify ${CLASSIFICATIONS}`,
  fn: () => {
    classifyYear(scanHistory(panel));
  },
});
