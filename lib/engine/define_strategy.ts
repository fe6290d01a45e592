/**
 * `defineStrategy`: the shape of a strategy file. A file's default export is a
 * definition: a name, its params with defaults, and `create(params)`.
 *
 * @module
 */
import type { Strategy } from "./strategy.ts";
import {
  type ParamSpecs,
  type ParamValues,
  parseStrategyParams,
  type RawParams,
} from "./strategy_params.ts";

/** What any strategy definition offers, whatever its params: the registry's element type. */
export interface StrategyFactory {
  /** The name `--strategy` takes (lower-case words joined by dashes). */
  readonly name: string;
  /** One line for help text. */
  readonly description: string;
  /** The params it declares, with types and defaults. */
  readonly params: ParamSpecs;
  /** Builds the strategy from user input (strings or config values); throws an InputError on bad params. */
  readonly fromParams: (raw?: RawParams) => Strategy;
}

/** A typed strategy definition, as {@link defineStrategy} returns it. */
export interface StrategyDefinition<S extends ParamSpecs> extends StrategyFactory {
  /** The params it declares, typed. */
  readonly params: S;
  /** Typed params from user input, defaults filled in; throws an InputError on bad params. */
  readonly parseParams: (raw?: RawParams) => ParamValues<S>;
  /** Builds the strategy from typed params; missing ones take their defaults. */
  readonly create: (params?: Partial<ParamValues<S>>) => Strategy;
}

/** What a strategy file writes. */
export type StrategySource<S extends ParamSpecs> = {
  /** Lower-case words joined by dashes, e.g. `my-momentum`. */
  readonly name: string;
  /** One line for help text. */
  readonly description?: string;
  /** Param declarations with defaults (number, string, boolean or choice). */
  readonly params: S;
  /** Builds the strategy from typed params. */
  readonly create: (params: ParamValues<S>) => Strategy;
};

function _checkSource(source: StrategySource<ParamSpecs>): void {
  if (typeof source.name !== "string" || !/^[a-z0-9][a-z0-9-]*$/.test(source.name)) {
    throw new RangeError(
      `Cannot define the strategy as name must be lower-case words joined by dashes: current value is ${
        String(source.name)
      }`,
    );
  }
  if (typeof source.create !== "function") {
    throw new TypeError(
      `Cannot define strategy ${source.name} as create must be a function: current value is ${typeof source
        .create}`,
    );
  }
  for (const [key, spec] of Object.entries(source.params ?? {})) {
    if (spec.type === "choice" && !spec.choices.includes(spec.default)) {
      throw new RangeError(
        `Cannot define strategy ${source.name} as param ${key} default must be one of ${
          spec.choices.join(", ")
        }: current value is ${spec.default}`,
      );
    }
  }
}

/**
 * Defines a strategy with typed params; the result parses `--param` strings
 * and builds the strategy.
 *
 * @example A strategy file, run on a tiny Panel
 * ```ts
 * import assert from "node:assert/strict";
 * import { Panel } from "../data/panel.ts";
 * import { seriesFromRows } from "../data/bars.ts";
 * import { defineStrategy } from "./define_strategy.ts";
 * import { runBacktest } from "./run_backtest.ts";
 *
 * // What a file like strategies/buy_once.ts would `export default`:
 * const buyOnce = defineStrategy({
 *   name: "buy-once",
 *   params: { size: { type: "number", default: 10, integer: true, min: 1 } },
 *   create: (p) => ({
 *     name: "buy-once",
 *     onDay: (ctx) =>
 *       ctx.account.value === ctx.account.cash && ctx.account.pendingOrders === 0
 *         ? { orders: [{ ticker: "AAA", side: "buy", size: p.size }] }
 *         : undefined,
 *   }),
 * });
 * assert.deepEqual(buyOnce.parseParams({ size: "25" }), { size: 25 });
 * assert.throws(() => buyOnce.parseParams({ sise: "25" }), /strategy buy-once has no param sise/);
 *
 * const panel = Panel.fromSeries([
 *   seriesFromRows("AAA", "1d", [10, 12].map((p, i) => ({
 *     time: Date.UTC(2024, 0, 2 + i), open: p, high: p, low: p, close: p, adjClose: p, volume: 100,
 *   }))),
 * ]);
 * const result = runBacktest({ panel, cash: 100, strategy: buyOnce.fromParams({ size: "5" }) });
 * assert.deepEqual(result.positions, { AAA: 5 }); // bought at the second day's open of 12
 * assert.equal(result.finalCash, 40);
 * ```
 */
export function defineStrategy<const S extends ParamSpecs>(
  source: StrategySource<S>,
): StrategyDefinition<S> {
  _checkSource(source as unknown as StrategySource<ParamSpecs>);
  const parseParams = (raw: RawParams = {}) => parseStrategyParams(source.name, source.params, raw);
  const create = (params: Partial<ParamValues<S>> = {}) =>
    source.create(Object.freeze({ ...parseParams({}), ...params }) as ParamValues<S>);
  return Object.freeze({
    name: source.name,
    description: source.description ?? "",
    params: source.params,
    parseParams,
    create,
    fromParams: (raw: RawParams = {}) => source.create(parseParams(raw)),
  });
}
