/**
 * Cross-check against backtrader's own indicator tests, which run on
 * backtrader's sample file `datas/2006-day-001.txt` (here
 * ../shared/data/backtrader/2006-day-001.txt) and assert `'%f'`-formatted values at
 * three checkpoints (tests/testcommon.py): the last bar, the first bar with a value
 * (index minperiod - 1) and the bar half-way back between them
 * (index 254 + floor((minperiod - 255) / 2), Python floor division).
 *
 * Expected values copied from mementum/backtrader tests/test_ind_sma.py, test_ind_ema.py,
 * test_ind_rsi.py, test_ind_atr.py, test_ind_dm.py, test_ind_macdhisto.py,
 * test_ind_bbands.py and test_ind_roc.py.
 */
import assert from "node:assert/strict";
import { adx } from "./adx.ts";
import { atr } from "./atr.ts";
import { bollingerBands } from "./bollinger_bands.ts";
import { ema } from "./ema.ts";
import { macd } from "./macd.ts";
import { rateOfChange } from "./rate_of_change.ts";
import { rsi } from "./rsi.ts";
import { sma } from "./sma.ts";

const file = new URL("../../../shared/data/backtrader/2006-day-001.txt", import.meta.url);
const exists = (() => {
  try {
    return Deno.statSync(file).isFile;
  } catch {
    return false;
  }
})();
if (!exists) console.log(`skipping backtrader cross-checks: ${file.pathname} is absent`);

/** Parses backtrader's `Date,Open,High,Low,Close,Volume,OpenInterest` file. */
function readBacktraderCsv(): { high: Float64Array; low: Float64Array; close: Float64Array } {
  const lines = Deno.readTextFileSync(file).trim().split("\n").slice(1);
  const rows = lines.map((line) => line.split(",").map(Number));
  const column = (k: number) => Float64Array.from(rows, (r) => r[k] as number);
  return { high: column(2), low: column(3), close: column(4) };
}

/** backtrader's checkpoints [last, first, middle] for a 255-bar run and a min period. */
function checkpoints(length: number, minPeriod: number): number[] {
  return [length - 1, minPeriod - 1, length - 1 + Math.floor((minPeriod - length) / 2)];
}

function assertCheckpoints(line: Float64Array, minPeriod: number, expected: string[]): void {
  const got = checkpoints(line.length, minPeriod).map((i) => (line[i] as number).toFixed(6));
  assert.deepEqual(got, expected);
  assert.ok(Number.isNaN(line[minPeriod - 2]), "no value before the min period");
}

const test = (name: string, fn: () => void) => Deno.test({ name, ignore: !exists, fn });

test("sma() matches backtrader's SMA(30) checkpoints", () => {
  const { close } = readBacktraderCsv();
  assertCheckpoints(sma(close, { period: 30 }), 30, ["4063.463000", "3644.444667", "3554.693333"]);
});

test("ema() matches backtrader's EMA(30) checkpoints (seeded with the SMA)", () => {
  const { close } = readBacktraderCsv();
  assertCheckpoints(ema(close, { period: 30 }), 30, ["4070.115719", "3644.444667", "3581.728712"]);
});

test("rsi() matches backtrader's RSI(14) checkpoints", () => {
  const { close } = readBacktraderCsv();
  assertCheckpoints(rsi(close), 15, ["57.644284", "41.630968", "53.352553"]);
});

test("atr() matches backtrader's ATR(14) checkpoints", () => {
  const bars = readBacktraderCsv();
  assertCheckpoints(atr(bars), 15, ["35.866308", "34.264286", "54.329064"]);
});

test("adx() matches backtrader's DirectionalMovement(14) adx, +DI and -DI checkpoints", () => {
  // DirectionalMovement also holds ADXR, hence its min period of 42 for every line.
  const lines = adx(readBacktraderCsv());
  const at = (line: Float64Array) =>
    checkpoints(line.length, 42).map((i) => (line[i] as number).toFixed(6));
  assert.deepEqual(at(lines.adx), ["15.302485", "31.674648", "15.961767"]);
  assert.deepEqual(at(lines.plusDi), ["28.809535", "30.460124", "31.386311"]);
  assert.deepEqual(at(lines.minusDi), ["24.638772", "18.914537", "21.564611"]);
});

test("macd() matches backtrader's MACDHisto(12, 26, 9) checkpoints", () => {
  const { close } = readBacktraderCsv();
  const lines = macd(close);
  const at = (line: Float64Array) =>
    checkpoints(line.length, 34).map((i) => (line[i] as number).toFixed(6));
  assert.deepEqual(at(lines.macd), ["25.821368", "32.469404", "1.772445"]);
  assertCheckpoints(lines.signal, 34, ["21.977853", "26.469735", "-2.845646"]);
  assertCheckpoints(lines.histogram, 34, ["3.843516", "5.999669", "4.618090"]);
});

test("bollingerBands() matches backtrader's BBands(20, 2) checkpoints", () => {
  const { close } = readBacktraderCsv();
  const lines = bollingerBands(close);
  assertCheckpoints(lines.middle, 20, ["4065.884000", "3621.185000", "3582.895500"]);
  assertCheckpoints(lines.upper, 20, ["4190.782310", "3712.008864", "3709.453081"]);
  assertCheckpoints(lines.lower, 20, ["3940.985690", "3530.361136", "3456.337919"]);
});

test("rateOfChange() matches backtrader's ROC(12) checkpoints (a fraction)", () => {
  const { close } = readBacktraderCsv();
  assertCheckpoints(rateOfChange(close, { period: 12 }), 13, ["0.016544", "-0.009477", "0.019050"]);
});
