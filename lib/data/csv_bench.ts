/**
 * CSV parsing speed: 100,000 rows of Yahoo-format bars (parse and validate).
 * The brief's target is well under 100 ms.
 *
 * Run: `deno bench lib/data/csv_bench.ts`
 *
 * @module
 */
import { parseBarsCsv } from "./csv.ts";

const ROWS = 100_000;

/** 100,000 daily rows from 1990 on (every calendar day; the parser does not care). */
function generatedCsv(): string {
  const lines = ["Date,Open,High,Low,Close,Adj Close,Volume"];
  for (let i = 0; i < ROWS; i++) {
    const date = new Date((7_305 + i) * 86_400_000).toISOString().slice(0, 10);
    const close = (100 + 20 * Math.sin(i / 50)).toFixed(4);
    lines.push(
      `${date},${close},${(Number(close) + 1).toFixed(4)},${
        (Number(close) - 1).toFixed(4)
      },${close},${close},${1000 + i}`,
    );
  }
  return lines.join("\n") + "\n";
}

const text = generatedCsv();
const bytes = new TextEncoder().encode(text);

Deno.bench("parseBarsCsv() of 100,000 rows", () => {
  const { series } = parseBarsCsv(text, { source: "bench.csv", ticker: "BENCH" });
  if (series.time.length !== ROWS) throw new Error(`parsed ${series.time.length} rows`);
});

Deno.bench("parseBarsCsv() of 100,000 rows from the file's bytes", () => {
  const { series } = parseBarsCsv(bytes, { source: "bench.csv", ticker: "BENCH" });
  if (series.time.length !== ROWS) throw new Error(`parsed ${series.time.length} rows`);
});
