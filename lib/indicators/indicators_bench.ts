/**
 * Benchmark: every indicator over 500 assets x 5,000 days (2.5 million bars).
 * Goal: all of them together (the brief's list: SMA, EMA, MA alignment, MACD,
 * Bollinger Bands, RSI, ATR, ADX, volume ratio, rate of change, realised
 * volatility) under 0.3 s. Run with
 * `deno bench lib/indicators/indicators_bench.ts`.
 *
 * @module
 */
import { _randomBars } from "./_test_bars.ts";
import { adx } from "./adx.ts";
import { atr } from "./atr.ts";
import { bollingerBands } from "./bollinger_bands.ts";
import { ema } from "./ema.ts";
import { maAlignment } from "./ma_alignment.ts";
import { macd } from "./macd.ts";
import { rateOfChange } from "./rate_of_change.ts";
import { realizedVolatility } from "./realized_volatility.ts";
import { rollingMin } from "./rolling_min.ts";
import { rsi } from "./rsi.ts";
import { sma } from "./sma.ts";
import type { HighLowClose } from "./types.ts";
import { volumeRatio } from "./volume_ratio.ts";

const ASSETS = 500, DAYS = 5_000;
const universe = Array.from({ length: ASSETS }, (_, a) => _randomBars(a + 1, DAYS));
// Holes as a Panel has them: every asset misses about one day in fifty.
for (const bars of universe) {
  for (let i = 17; i < DAYS; i += 50) {
    bars.high[i] =
      bars.low[i] =
      bars.close[i] =
      bars.volume[i] =
        NaN;
  }
}

const INDICATORS: Readonly<
  Record<string, (b: HighLowClose & { volume: Float64Array }) => unknown>
> = {
  "sma(20)": (b) => sma(b.close),
  "ema(20)": (b) => ema(b.close),
  "maAlignment(20/50/200)": (b) => maAlignment(b.close),
  "macd(12,26,9)": (b) => macd(b.close),
  "bollingerBands(20,2)": (b) => bollingerBands(b.close),
  "rsi(14)": (b) => rsi(b.close),
  "atr(14)": (b) => atr(b),
  "adx(14)": (b) => adx(b),
  "volumeRatio(20)": (b) => volumeRatio(b.volume),
  "rateOfChange(20)": (b) => rateOfChange(b.close),
  "realizedVolatility(20)": (b) => realizedVolatility(b.close),
};

/** Not in the brief's list; the scanner uses it for the Bollinger squeeze. */
const EXTRA = { "rollingMin(125)": (b: HighLowClose) => rollingMin(b.close, { period: 125 }) };

Deno.bench({
  name: "all indicators, 500 assets x 5,000 days",
  group: "all",
  baseline: true,
  fn: () => {
    for (const bars of universe) for (const f of Object.values(INDICATORS)) f(bars);
  },
});

for (const [name, f] of [...Object.entries(INDICATORS), ...Object.entries(EXTRA)]) {
  Deno.bench({
    name: `${name}, 500 assets x 5,000 days`,
    group: "each",
    fn: () => {
      for (const bars of universe) f(bars);
    },
  });
}
