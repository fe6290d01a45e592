/**
 * Technical indicators over one asset's columns (Float64Array, oldest first),
 * all following one contract: same-length output, NaN during warm-up and on
 * missing days, no look-ahead. See `types.ts` for the contract.
 *
 * @module
 */
export * from "./types.ts";
export * from "./sma.ts";
export * from "./ema.ts";
export * from "./ma_alignment.ts";
export * from "./macd.ts";
export * from "./bollinger_bands.ts";
export * from "./rsi.ts";
export { trueRange } from "./true_range.ts";
export * from "./atr.ts";
export * from "./adx.ts";
export * from "./volume_ratio.ts";
export * from "./rate_of_change.ts";
export * from "./realized_volatility.ts";
export * from "./rolling_min.ts";
