/**
 * The checker of a result file read back from disk: a zod schema of
 * `RunResult` (lib/engine/run_result.ts) that lists every problem with its
 * path. The report reads nothing it has not checked.
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

/** The schema of a result file (unknown keys are dropped, not refused, so a newer engine's additions do not break the report). */
export const runResultSchema = z.object({
  version: z.literal(RESULT_VERSION),
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
  benchmark: z.object({ ticker: z.string(), value: z.array(nullableNum) }).nullable(),
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
}).superRefine((r, ctx) => {
  const n = r.equity.dates.length;
  const columns: [string[], number][] = [
    [["equity", "value"], r.equity.value.length],
    [["equity", "cash"], r.equity.cash.length],
    [["equity", "exposure"], r.equity.exposure.length],
    [["equity", "turnover"], r.equity.turnover.length],
  ];
  if (r.benchmark !== null) columns.push([["benchmark", "value"], r.benchmark.value.length]);
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
});

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
  if (value.version !== RESULT_VERSION) {
    throw new InputError(
      `${source}: result version ${
        JSON.stringify(value.version)
      } is not supported (this report reads version ${RESULT_VERSION})`,
    );
  }
  const parsed = runResultSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const lines = issues.slice(0, MAX_PROBLEMS).map((issue) =>
    `${source}: ${issue.path.map(String).join(".") || "(root)"}: ${issue.message}`
  );
  if (issues.length > MAX_PROBLEMS) {
    lines.push(`${source}: ... and ${issues.length - MAX_PROBLEMS} more problems`);
  }
  throw new InputError(lines);
}
