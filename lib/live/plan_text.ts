/**
 * What `deno task plan` prints: the plan of the day (target weights and the
 * orders for the next open, each with its reason), a line per day caught up,
 * and the portfolio's status.
 *
 * @module
 */
import { moneyText } from "../run/money_text.ts";
import type { DayPlan, PlanDay } from "./ledger.ts";
import type { PlanOutcome } from "./plan_portfolio.ts";
import type { PortfolioStatus } from "./portfolio_status.ts";

const _pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(2)}%`);

function _dayLine(day: PlanDay): string {
  const orders = day.plan.orders.length;
  return `  ${day.date}  value ${moneyText(day.value)}  cash ${
    moneyText(day.cash)
  }  ${day.fills.length} fill(s)  ${day.plan.kind}${orders > 0 ? `, ${orders} order(s)` : ""}`;
}

/** The plan's targets and orders, with reasons. */
export function dayPlanLines(plan: DayPlan): string[] {
  const lines: string[] = [];
  if (plan.regime !== null) lines.push(`regime: ${plan.regime}`);
  if (plan.skipped !== null) lines.push(`rebalance skipped: ${plan.skipped}`);
  if (plan.targets !== null) {
    const targets = Object.entries(plan.targets).sort((a, b) => b[1] - a[1]);
    lines.push(`target weights (${targets.length}):`);
    for (const [ticker, w] of targets) lines.push(`  ${ticker.padEnd(6)} ${_pct(w).padStart(7)}`);
  } else {
    lines.push("target weights: unchanged");
  }
  if (plan.orders.length === 0) {
    lines.push("orders for the next open: none");
    return lines;
  }
  lines.push(`orders for the next open (${plan.orders.length}):`);
  for (const o of plan.orders) {
    const limit = o.price === null ? "" : ` @ ${o.price.toFixed(2)} ${o.type}`;
    lines.push(
      `  ${o.side.padEnd(4)} ${String(o.size).padStart(7)} ${
        o.ticker.padEnd(6)
      }${limit}  ${o.reason}`,
    );
  }
  return lines;
}

/** Lines for a plan's outcome. */
export function planLines(outcome: PlanOutcome): string[] {
  const last = outcome.days.at(-1);
  if (last === undefined) {
    return [
      `portfolio ${outcome.portfolio}: nothing to plan: the price data has no day after its last plan (fetch new prices with deno task ingest)`,
    ];
  }
  const lines = [
    `portfolio ${outcome.portfolio}: ${
      outcome.replanned ? "planned again" : "planned"
    } ${last.date}`,
  ];
  if (outcome.configChange !== null) {
    lines.push(`config change accepted and recorded: ${outcome.configChange.changes.join("; ")}`);
  }
  if (outcome.days.length > 1) {
    lines.push(`caught up ${outcome.days.length} days (${outcome.days[0]?.date} to ${last.date}):`);
    for (const day of outcome.days) lines.push(_dayLine(day));
  }
  lines.push(
    `value ${moneyText(last.value)}  cash ${moneyText(last.cash)}  exposure ${_pct(last.exposure)}`,
  );
  if (last.fills.length > 0) {
    lines.push(`filled at the open of ${last.date}:`);
    for (const f of last.fills) {
      lines.push(
        `  ${f.side.padEnd(4)} ${String(f.size).padStart(7)} ${f.ticker.padEnd(6)} @ ${
          f.price.toFixed(4)
        }  commission ${f.commission.toFixed(2)}`,
      );
    }
  }
  lines.push(...dayPlanLines(last.plan));
  lines.push(`ledger: ${outcome.ledger}`);
  if (outcome.audit !== null) {
    const store = outcome.audit.target.startsWith("postgres ")
      ? "--postgres"
      : `--store ${outcome.audit.target}`;
    const ticker = last.plan.orders[0]?.ticker ?? last.fills[0]?.ticker;
    lines.push(
      `audit: ${outcome.audit.target} (run ${outcome.audit.runId})${
        ticker === undefined ? "" : `; deno task audit why ${ticker} ${last.date} ${store}`
      }`,
    );
  }
  return lines;
}

/** Lines for `--status`. */
export function statusLines(s: PortfolioStatus): string[] {
  const lines = [
    `portfolio ${s.portfolio} (${s.strategy}), since ${s.inception}: ${
      s.lastDay === null ? "not planned yet" : `${s.daysPlanned} day(s) planned, last ${s.lastDay}`
    }`,
    `value ${moneyText(s.value)}  cash ${moneyText(s.cash)}  P&L ${moneyText(s.pnl)} (${
      _pct(s.returnPct)
    }) on ${moneyText(s.initialCash)}`,
  ];
  for (const b of s.benchmarks) {
    lines.push(
      `  ${b.name} over the same days: ${_pct(b.returnPct)}${
        b.value === null ? "" : ` (${moneyText(b.value)})`
      }`,
    );
  }
  if (s.holdings.length === 0) lines.push("holdings: none");
  else {
    lines.push(`holdings (${s.holdings.length}):`);
    for (const h of s.holdings) {
      lines.push(
        `  ${h.ticker.padEnd(6)} ${String(h.shares).padStart(8)} @ ${
          h.price.toFixed(2).padStart(9)
        }  ${moneyText(h.value).padStart(12)}  ${_pct(h.weight).padStart(7)}`,
      );
    }
  }
  if (s.protections.length === 0) lines.push("protections in force: none");
  else {
    lines.push("protections in force:");
    for (const p of s.protections) {
      const why = p.reason.startsWith(`${p.rule}:`) ? p.reason : `${p.rule}: ${p.reason}`;
      lines.push(`  ${p.asset.padEnd(6)} ${p.action.padEnd(5)} ${why}`);
    }
  }
  if (s.lastPlan !== null) {
    lines.push(`last plan (${s.lastPlan.date}, ${s.lastPlan.kind}):`);
    lines.push(...dayPlanLines(s.lastPlan).map((l) => `  ${l}`));
  }
  if (s.configChanges > 0) lines.push(`config changes accepted: ${s.configChanges}`);
  lines.push(`ledger: ${s.ledger}`);
  return lines;
}
