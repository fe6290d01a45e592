/**
 * A run's cash attribution read back from its audit log (the
 * `cash_attribution` events each rebalance records), on any store: what
 * `deno task audit exposure` prints. Works on the SQLite and PostgreSQL
 * readers alike, through their read-only SQL.
 *
 * @module
 */
import type { AuditReader } from "../audit/query_types.ts";
import { CASH_EVENT } from "../engine/regime_aware_events.ts";
import { InputError } from "../errors.ts";
import { CASH_CAUSES, type CashCause, type DatedCash } from "../portfolio/cash_causes.ts";
import type { CashFunnel } from "../portfolio/cash_attribution.ts";

/** What a run's log says about its cash: each rebalance's attribution, and the tickers in no bucket. */
export type AuditedCash = {
  readonly runId: string;
  readonly rebalances: readonly DatedCash[];
  readonly unbucketed: readonly string[];
};

/** Reads the cash attribution of a run (`runId`, or the latest run in the store). */
export async function cashFromAudit(reader: AuditReader, runId?: string): Promise<AuditedCash> {
  const run = runId ?? (await reader.runs(1))[0]?.runId;
  if (run === undefined) throw new InputError("exposure: the audit store holds no run");
  if (!/^[A-Za-z0-9_.:-]+$/.test(run)) throw new InputError(`--run: "${run}" is not a run id`);
  const result = await reader.sql(
    `SELECT timestamp, regime, event_type, metadata FROM portfolio_events
     WHERE run_id = '${run}' AND event_type IN ('${CASH_EVENT}', 'tickers_unbucketed')
     ORDER BY id`,
  );
  const rebalances: DatedCash[] = [];
  let unbucketed: string[] = [];
  for (const row of result.rows) {
    const metadata = _json(row.metadata);
    if (row.event_type === "tickers_unbucketed") {
      unbucketed = Array.isArray(metadata.tickers) ? metadata.tickers.map(String) : [];
      continue;
    }
    rebalances.push(_dated(row, metadata));
  }
  if (rebalances.length === 0 && result.rows.length === 0) {
    const known = (await reader.runs()).some((r) => r.runId === run);
    if (!known) throw new InputError(`no run ${run} in the store`);
  }
  return { runId: run, rebalances, unbucketed };
}

function _dated(row: Readonly<Record<string, unknown>>, m: Record<string, unknown>): DatedCash {
  const causes = (m.causes ?? {}) as Record<string, unknown>;
  const funnel = (m.funnel ?? {}) as Record<string, unknown>;
  return {
    date: String(row.timestamp).slice(0, 10),
    regime: row.regime === null || row.regime === undefined ? null : String(row.regime),
    invested: Number(m.invested ?? 0),
    uninvested: Number(m.uninvested ?? 0),
    causes: Object.fromEntries(CASH_CAUSES.map((c) => [c, Number(causes[c] ?? 0)])) as Record<
      CashCause,
      number
    >,
    funnel: Object.fromEntries(
      Object.entries(funnel).map(([k, v]) => [k, Number(v)]),
    ) as unknown as CashFunnel,
  };
}

function _json(value: unknown): Record<string, unknown> {
  if (value !== null && typeof value === "object") return value as Record<string, unknown>;
  if (typeof value !== "string") return {};
  try {
    const parsed = JSON.parse(value);
    return parsed !== null && typeof parsed === "object" ? parsed : {};
  } catch {
    return {};
  }
}
