/**
 * Finding the strategy a run names: a built-in one by name, or a file whose
 * default export is a {@link defineStrategy} definition. Loading a file is an
 * edge (a dynamic import), so it lives here and not in the engine.
 *
 * @module
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { builtInStrategies } from "../engine/built_in_strategies.ts";
import type { StrategyFactory } from "../engine/define_strategy.ts";
import { accessProblem, InputError } from "../errors.ts";

/** Whether a `strategy.name` is a path to a file rather than a built-in name. */
export function isStrategyPath(name: string): boolean {
  return /\.(ts|js|mts|mjs)$/.test(name) || name.includes("/");
}

/** The name of the regime-aware strategy, which the run builds from the whole configuration. */
export const REGIME_AWARE = "regime-aware";

/**
 * The strategy definition a name or path stands for, or {@link REGIME_AWARE};
 * an unknown name or a bad file is an {@link InputError}.
 */
export async function resolveStrategy(
  name: string,
): Promise<StrategyFactory | typeof REGIME_AWARE> {
  if (name === REGIME_AWARE) return REGIME_AWARE;
  if (!isStrategyPath(name)) {
    const builtIn = builtInStrategies[name];
    if (builtIn) return builtIn;
    throw new InputError(
      `strategy.name: unknown strategy "${name}": built-in ones are ${
        [REGIME_AWARE, ...Object.keys(builtInStrategies)].join(", ")
      }, or give the path of a strategy file`,
    );
  }
  const url = pathToFileURL(resolve(name)).href;
  try {
    await Deno.stat(resolve(name));
  } catch (error) {
    throw accessProblem(error, "strategy file", name, "read") ??
      new InputError(`strategy file ${name}: not found`, { cause: error });
  }
  let module: Record<string, unknown>;
  try {
    module = await import(url);
  } catch (error) {
    throw new InputError(
      `strategy file ${name}: cannot be loaded: ${String((error as Error).message).split("\n")[0]}`,
      { cause: error },
    );
  }
  const definition = module.default as Partial<StrategyFactory> | undefined;
  if (
    !definition || typeof definition !== "object" || typeof definition.fromParams !== "function" ||
    typeof definition.name !== "string"
  ) {
    throw new InputError(
      `strategy file ${name}: its default export must be a strategy definition (export default defineStrategy({ ... }))`,
    );
  }
  return definition as StrategyFactory;
}
