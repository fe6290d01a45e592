/**
 * The protection ablation (`deno task backtest --ablate`): the run as
 * configured (the base, audited when the context carries an audit log), then
 * once per protection with that protection switched off
 * (`config.protection.<switch> = false`, not audited), and what each one
 * changed (see `lib/analytics/protection_effectiveness.ts` for the
 * definitions and signs).
 *
 * Runs are sequential and share the prepared run's Panel: each variant builds
 * its own services over it and drops them before the next one starts, so the
 * memory is that of one run plus the Panel.
 *
 * @module
 */
import {
  type ProtectionEffect,
  protectionEffect,
  type RuleVerdicts,
  ruleVerdicts,
  type RunFigures,
  runFigures,
} from "../analytics/protection_effectiveness.ts";
import type { Config } from "../config/schema.ts";
import { configHash } from "../config/hash.ts";
import type { RunResult } from "../engine/run_result.ts";
import { InputError } from "../errors.ts";
import { RULE_NAMES } from "../protection/rule.ts";
import { executeRun, type PreparedRun, type RunContext } from "./run_from_config.ts";

/** The protections an ablation switches off, in this order, with the rule each one runs. */
export const ABLATED_PROTECTIONS = [
  { protection: "coreAssets", rule: RULE_NAMES.core },
  { protection: "gracePeriods", rule: RULE_NAMES.grace },
  { protection: "holdingPeriod", rule: RULE_NAMES.holding },
  { protection: "whipsaw", rule: RULE_NAMES.whipsaw },
  { protection: "regimeOverride", rule: RULE_NAMES.regimeOverride },
] as const;

/** A protection switch of the config's `protection` section. */
export type ProtectionSwitch = typeof ABLATED_PROTECTIONS[number]["protection"];

/** What switching one protection off changed. */
export type AblationRow = {
  readonly protection: ProtectionSwitch;
  readonly rule: string;
  /** False when the base config already has it off: the variant is then the base run. */
  readonly enabledInBase: boolean;
  /** Hash of the variant's config. */
  readonly configHash: string;
  /** Verdicts the rule decided in the base run. */
  readonly baseVerdicts: RuleVerdicts;
  readonly variant: RunFigures;
  readonly effect: ProtectionEffect;
};

/** The ablation as `ablation.json` holds it. */
export type AblationReport = {
  readonly version: 1;
  readonly strategy: string;
  readonly configHash: string;
  readonly dataHash: string;
  readonly period: { readonly start: string; readonly end: string };
  /** Trading days that make a cycle short or a reopen quick (the whipsaw window). */
  readonly windowDays: number;
  readonly base: RunFigures;
  readonly protections: readonly AblationRow[];
};

/** The base run's result (as a plain run gives it) and the ablation report. */
export type Ablation = { readonly result: RunResult; readonly report: AblationReport };

/** The config with one protection switched off. */
export function withProtectionOff(config: Config, protection: ProtectionSwitch): Config {
  return Object.freeze({
    ...config,
    protection: Object.freeze({ ...config.protection, [protection]: false }),
  });
}

/** Throws an {@link InputError} unless the run's strategy has protection rules (the regime-aware one). */
export function checkAblatable(run: PreparedRun): void {
  if (run.strategy !== undefined) {
    throw new InputError(
      `--ablate: strategy ${run.strategyName} has no protection rules to switch off: ablation runs the regime-aware strategy`,
    );
  }
}

/**
 * Runs the base and one variant per protection; an {@link InputError} when the
 * run's strategy is not the regime-aware one (the others have no protection).
 */
export async function runAblation(run: PreparedRun, context: RunContext): Promise<Ablation> {
  checkAblatable(run);
  const result = await executeRun(run, context);
  const options = {
    windowDays: run.config.protection.whipsawWindowDays,
    fillAt: run.config.broker.fill,
  };
  const base = runFigures(result, run.panel, options);
  const quiet: RunContext = {
    startedAt: context.startedAt,
    codeVersion: context.codeVersion,
    ...(context.database ? { database: context.database } : {}),
  };
  const protections: AblationRow[] = [];
  for (const { protection, rule } of ABLATED_PROTECTIONS) {
    const enabledInBase = run.config.protection[protection];
    const config = withProtectionOff(run.config, protection);
    const variantHash = configHash(config);
    const variant = enabledInBase
      ? runFigures(
        await executeRun({ ...run, config, configHash: variantHash }, quiet),
        run.panel,
        options,
      )
      : base;
    protections.push({
      protection,
      rule,
      enabledInBase,
      configHash: variantHash,
      baseVerdicts: ruleVerdicts(result, rule),
      variant,
      effect: protectionEffect(base, variant),
    });
  }
  const report: AblationReport = {
    version: 1,
    strategy: result.strategy,
    configHash: result.configHash,
    dataHash: result.dataHash,
    period: { start: result.period.start, end: result.period.end },
    windowDays: options.windowDays,
    base,
    protections,
  };
  return { result, report };
}

/** The report as the JSON text of `ablation.json`. */
export function ablationJson(report: AblationReport): string {
  return JSON.stringify(report, null, 2) + "\n";
}

/** `x` with `digits` decimals and a sign; what rounds to zero prints unsigned. */
function _signed(x: number, digits: number): string {
  const text = Math.abs(x).toFixed(digits);
  return Number(text) === 0 ? text : `${x > 0 ? "+" : "-"}${text}`;
}
const _points = (x: number) => `${_signed(x * 100, 2)}pp`;

/** The ablation as a text table, one row per protection, with the signs explained. */
export function ablationLines(report: AblationReport): string[] {
  const header = [
    "protection",
    "blocked",
    "mod/ovr",
    "cycles",
    "short",
    "reopens",
    "fills",
    "traded",
    "costs",
    "return",
    "max DD",
    "Sharpe",
  ];
  const rows = report.protections.map((p) => {
    const e = p.effect, v = p.baseVerdicts;
    return [
      p.enabledInBase ? p.protection : `${p.protection} (off)`,
      String(v.blocked),
      String(v.modified + v.overridden),
      _signed(e.cyclesPrevented, 0),
      _signed(e.shortCyclesPrevented, 0),
      _signed(e.quickReopensPrevented, 0),
      _signed(e.fillsSaved, 0),
      _signed(e.tradedValueSaved, 0),
      _signed(e.costsSaved, 2),
      _points(e.returnDifference),
      _points(e.maxDrawdownDifference),
      e.sharpeDifference === null ? "—" : _signed(e.sharpeDifference, 3),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => i === 0 ? c.padEnd(widths[0] ?? 0) : c.padStart(widths[i] ?? 0)).join("  ")
      .trimEnd();
  const b = report.base;
  return [
    `protection effectiveness: ${report.strategy} ${report.period.start} to ${report.period.end}, each protection off in turn`,
    `base (all on): return ${_points(b.totalReturn).replace("pp", "%")}, max drawdown ${
      (b.maxDrawdown * 100).toFixed(2)
    }%, ${b.fills} fills, ${b.cycles} cycles (${b.shortCycles} short), costs ${b.costs.toFixed(2)}`,
    "",
    line(header),
    ...rows.map(line),
    "",
    `blocked, mod/ovr: the rule's verdicts in the base run (blocks; decays and overrides granted)`,
    `cycles, short, reopens, fills, traded, costs: prevented or saved by the rule (off minus on);`,
    `  short = opened and closed within ${report.windowDays} trading days, reopens = reopened within ${report.windowDays} days of a close`,
    `return, max DD, Sharpe: what the rule added (on minus off; max DD > 0 = shallower drawdown)`,
  ];
}
