/**
 * The checker of a result file read back from disk: a zod schema of
 * `RunResult` (lib/engine/run_result.ts) that lists every problem with its
 * path. The report reads nothing it has not checked. Results of version 1
 * (one benchmark) are read too, upgraded to the current layout.
 *
 * @module
 */

import { z } from "zod";
import { RESULT_VERSION, type RunResult } from "../engine/run_result.ts";
import { InputError } from "../errors.ts";

const num = z.number();
const nullableNum = z.number().nullable();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected an ISO date YYYY-MM-DD");
const regime = z.enum(["Goldilocks", "Reflation", "Inflation", "Deflation"]);
const side = z.enum(["buy", "sell"]);

const maxDrawdown = z.object({
  depth: num,
  peak: isoDate.nullable(),
  trough: isoDate.nullable(),
  recovery: isoDate.nullable(),
});

const metrics = z.object({
  start: z.string(),
  end: z.string(),
  calendarDays: num,
  observations: num,
  riskFreeRate: num,
  periodsPerYear: num,
  startValue: num,
  endValue: num,
  totalReturn: num,
  cagr: nullableNum,
  annualVolatility: nullableNum,
  sharpe: nullableNum,
  sortino: nullableNum,
  calmar: nullableNum,
  maxDrawdown,
  drawdowns: z.array(z.object({
    peak: isoDate,
    trough: isoDate,
    recovery: isoDate.nullable(),
    depth: num,
    lengthDays: num,
  })),
  trades: z.object({
    count: num,
    wins: num,
    losses: num,
    winRate: nullableNum,
    grossProfit: num,
    grossLoss: num,
    profitFactor: nullableNum,
    averageWin: nullableNum,
    averageLoss: nullableNum,
    sqn: nullableNum,
  }),
  turnover: nullableNum,
  exposure: nullableNum,
  benchmark: z.object({
    totalReturn: num,
    cagr: nullableNum,
    annualVolatility: nullableNum,
    sharpe: nullableNum,
    maxDrawdown,
    beta: nullableNum,
    alpha: nullableNum,
    trackingError: nullableNum,
    informationRatio: nullableNum,
  }).nullable(),
  periodReturns: z.object({
    monthly: z.record(z.string(), z.record(z.string(), num)),
    yearly: z.record(z.string(), num),
  }),
});

const trade = z.object({
  ticker: z.string(),
  entryDate: isoDate,
  exitDate: isoDate,
  entryPrice: num,
  exitPrice: num,
  size: num,
  pnl: num,
  returnPct: num,
  daysHeld: num,
  commission: num,
});

const fill = z.object({
  orderId: num,
  ticker: z.string(),
  side,
  size: num,
  price: num,
  commission: num,
  placed: isoDate,
  date: isoDate,
  reason: z.string().exactOptional(),
});

const orderNote = z.object({
  orderId: num,
  ticker: z.string(),
  side,
  requested: num,
  filled: num,
  outcome: z.enum(["trimmed", "rejected", "expired"]),
  reason: z.string(),
  date: isoDate,
});

const benchmarkRun = z.object({
  name: z.string(),
  weights: z.record(z.string(), num).nullable(),
  rebalance: z.enum(["never", "monthly"]),
  value: z.array(nullableNum),
  metrics: metrics.nullable(),
});

/** The fields every version shares. */
const shared = {
  strategy: z.string(),
  startedAt: z.string(),
  codeVersion: z.string(),
  configHash: z.string(),
  dataHash: z.string(),
  config: z.unknown(),
  period: z.object({ start: isoDate, end: isoDate, days: num }),
  initialCash: num,
  finalCash: num,
  finalValue: num,
  equity: z.object({
    dates: z.array(isoDate).min(1, "the equity curve is empty"),
    value: z.array(num),
    cash: z.array(num),
    exposure: z.array(num),
    turnover: z.array(num),
  }),
  metrics,
  trades: z.array(trade),
  fills: z.array(fill),
  orderNotes: z.array(orderNote),
  // Absent from results written before it was recorded.
  wholeShareCash: z.object({
    rebalances: num,
    last: num,
    lastShare: num,
    averageShare: num,
    maxShare: num,
  }).nullable().default(null),
  holdings: z.array(z.object({
    ticker: z.string(),
    shares: num,
    price: num,
    value: num,
    weight: num,
    buckets: z.array(z.string()),
  })),
  regimes: z.object({
    dates: z.array(isoDate),
    regime: z.array(regime),
    confidence: z.array(num),
    transitions: z.array(z.object({
      date: isoDate,
      from: regime,
      to: regime,
      severity: z.enum(["minor", "major", "critical"]),
    })),
  }).nullable(),
  allocation: z.object({
    dates: z.array(isoDate),
    byBucket: z.record(z.string(), z.array(num)),
  }).nullable(),
  protection: z.object({
    verdicts: z.array(z.object({
      date: isoDate,
      rule: z.string(),
      outcome: z.enum(["approved", "blocked", "modified", "overridden"]),
      count: num,
    })),
    totals: z.object({
      decisions: num,
      approved: num,
      blocked: num,
      overrides: num,
      decays: num,
    }),
    blocksByRule: z.record(z.string(), num),
  }).nullable(),
};

/** The columns of a result that must match their dates. */
type Columns = Pick<RunResult, "equity" | "regimes" | "allocation">;

/** Columns that must match their dates, reported at their paths. */
function _checkColumns(
  r: Columns,
  benchmarks: readonly [path: (string | number)[], length: number][],
  ctx: z.RefinementCtx,
): void {
  const n = r.equity.dates.length;
  const columns: [(string | number)[], number][] = [
    [["equity", "value"], r.equity.value.length],
    [["equity", "cash"], r.equity.cash.length],
    [["equity", "exposure"], r.equity.exposure.length],
    [["equity", "turnover"], r.equity.turnover.length],
    ...benchmarks,
  ];
  for (const [path, length] of columns) {
    if (length !== n) {
      ctx.addIssue({ code: "custom", path, message: `has ${length} entries for ${n} dates` });
    }
  }
  if (r.regimes !== null && r.regimes.regime.length !== r.regimes.dates.length) {
    ctx.addIssue({
      code: "custom",
      path: ["regimes", "regime"],
      message: "differs in length from regimes.dates",
    });
  }
  for (const [bucket, weights] of Object.entries(r.allocation?.byBucket ?? {})) {
    if (weights.length !== r.allocation?.dates.length) {
      ctx.addIssue({
        code: "custom",
        path: ["allocation", "byBucket", bucket],
        message: "differs in length from allocation.dates",
      });
    }
  }
}

/** The schema of a result file (unknown keys are dropped, not refused, so a newer engine's additions do not break the report). */
export const runResultSchema = z.object({
  version: z.literal(RESULT_VERSION),
  ...shared,
  benchmarks: z.array(benchmarkRun),
  benchmarkNotes: z.array(z.string()),
}).superRefine((r, ctx) =>
  _checkColumns(
    r,
    r.benchmarks.map((b, k) => [["benchmarks", k, "value"], b.value.length]),
    ctx,
  )
);

/** Version 1: one benchmark, its closes scaled to the starting cash, its figures in `metrics.benchmark`. */
const runResultSchemaV1 = z.object({
  version: z.literal(1),
  ...shared,
  benchmark: z.object({ ticker: z.string(), value: z.array(nullableNum) }).nullable(),
}).superRefine((r, ctx) =>
  _checkColumns(
    r,
    r.benchmark === null ? [] : [[["benchmark", "value"], r.benchmark.value.length]],
    ctx,
  )
);

/** Results of these versions are read (older ones upgraded to the current layout). */
export const READABLE_RESULT_VERSIONS: readonly number[] = [1, RESULT_VERSION];

/** Problems listed at most, the rest counted. */
const MAX_PROBLEMS = 10;

/**
 * Checks parsed JSON as a run result. Throws an {@link InputError} naming
 * `source`: one line for a wrong version, else one line per problem with its
 * path (at most 10, then a count of the rest).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { InputError } from "../errors.ts";
 * import { checkRunResult } from "./run_result_schema.ts";
 *
 * assert.throws(() => checkRunResult({ version: 9 }, "r.json"), InputError, "version 9");
 * ```
 */
export function checkRunResult(value: unknown, source: string): RunResult {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InputError(`${source}: not a run result (expected a JSON object)`);
  }
  if (!("version" in value) || !("equity" in value) || !("metrics" in value)) {
    throw new InputError(`${source}: not a run result (no version, equity or metrics)`);
  }
  if (!READABLE_RESULT_VERSIONS.includes(value.version as number)) {
    throw new InputError(
      `${source}: result version ${
        JSON.stringify(value.version)
      } is not supported (this report reads versions ${READABLE_RESULT_VERSIONS.join(" and ")})`,
    );
  }
  if (value.version === 1) {
    const old = runResultSchemaV1.safeParse(value);
    if (old.success) return _upgradeV1(old.data);
    _throwIssues(old.error.issues, source);
  }
  const parsed = runResultSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  _throwIssues(parsed.error.issues, source);
}

/**
 * A version 1 result in the current layout: its one benchmark (a ticker's closes, no
 * costs) becomes the first of `benchmarks`, held, without metrics of its own (its figures
 * stay in `metrics.benchmark`).
 */
function _upgradeV1(old: z.infer<typeof runResultSchemaV1>): RunResult {
  const { benchmark, version: _, ...rest } = old;
  return {
    version: RESULT_VERSION,
    ...rest,
    benchmarks: benchmark === null ? [] : [{
      name: benchmark.ticker,
      weights: { [benchmark.ticker]: 1 },
      rebalance: "never",
      value: benchmark.value,
      metrics: null,
    }],
    benchmarkNotes: [],
  };
}

function _throwIssues(issues: readonly z.core.$ZodIssue[], source: string): never {
  const lines = issues.slice(0, MAX_PROBLEMS).map((issue) =>
    `${source}: ${issue.path.map(String).join(".") || "(root)"}: ${issue.message}`
  );
  if (issues.length > MAX_PROBLEMS) {
    lines.push(`${source}: ... and ${issues.length - MAX_PROBLEMS} more problems`);
  }
  throw new InputError(lines);
}
