/**
 * The trades table: the most recent closed round trips as HTML, with the
 * total count and a summary of the fills and order notes.
 *
 * @module
 */

import type { OrderNote, Trade } from "../engine/types.ts";
import { escapeHtml } from "./html_escape.ts";
import { formatNumber, formatPercent } from "./format.ts";

/**
 * The `count` most recent trades: latest exit first, then latest entry, then
 * ticker, then the order given. One pass from the end keeping the best
 * `count`, rather than a sort of every trade: a 500-asset run closes 70,000
 * and the broker lists them by exit, so few get past the last kept.
 */
export function recentTrades(trades: readonly Trade[], count: number): Trade[] {
  const order = (i: number, j: number): number => {
    const a = trades[i] as Trade, b = trades[j] as Trade;
    return _compare(b.exitDate, a.exitDate) || _compare(b.entryDate, a.entryDate) ||
      _compare(a.ticker, b.ticker) || i - j;
  };
  const kept: number[] = [];
  for (let i = trades.length - 1; i >= 0 && count > 0; i--) {
    if (kept.length === count && order(i, kept[count - 1] as number) > 0) continue;
    let at = kept.length;
    while (at > 0 && order(i, kept[at - 1] as number) < 0) at--;
    kept.splice(at, 0, i);
    if (kept.length > count) kept.pop();
  }
  return kept.map((i) => trades[i] as Trade);
}

function _compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function _row(t: Trade): string {
  const sign = t.pnl > 0 ? "gain" : t.pnl < 0 ? "loss" : "";
  const cells = [
    escapeHtml(t.ticker),
    t.entryDate,
    t.exitDate,
    formatNumber(t.daysHeld),
    formatNumber(t.size, Number.isInteger(t.size) ? 0 : 4),
    formatNumber(t.entryPrice, 2),
    formatNumber(t.exitPrice, 2),
    formatNumber(t.pnl, 2),
    formatPercent(t.returnPct),
    formatNumber(t.commission, 2),
  ].map((c, i) =>
    i >= 7 && i <= 8 && sign !== "" ? `<td class="${sign}">${c}</td>` : `<td>${c}</td>`
  );
  return `<tr>${cells.join("")}</tr>`;
}

/** The table of the `count` most recent trades, and a line giving how many there are in all. */
export function tradesTableHtml(trades: readonly Trade[], count: number): string {
  if (trades.length === 0) return `<p class="note">No closed trades.</p>`;
  const shown = recentTrades(trades, count);
  const caption = shown.length < trades.length
    ? `The ${formatNumber(shown.length)} most recent of ${
      formatNumber(trades.length)
    } closed trades.`
    : `All ${formatNumber(trades.length)} closed trades, most recent first.`;
  const head = [
    "Ticker",
    "Entry",
    "Exit",
    "Days",
    "Size",
    "Entry price",
    "Exit price",
    "P&amp;L",
    "Return",
    "Commission",
  ]
    .map((h) => `<th>${h}</th>`).join("");
  return `<p class="note">${caption}</p><div class="scroll"><table class="trades"><thead><tr>${head}</tr></thead><tbody>${
    shown.map(_row).join("")
  }</tbody></table></div>`;
}

/** One line counting the fills and the order notes by outcome. */
export function executionSummaryHtml(fillCount: number, notes: readonly OrderNote[]): string {
  const byOutcome = new Map<string, number>();
  for (const n of notes) byOutcome.set(n.outcome, (byOutcome.get(n.outcome) ?? 0) + 1);
  const parts = [...byOutcome].sort(([a], [b]) => _compare(a, b))
    .map(([outcome, n]) => `${formatNumber(n)} ${escapeHtml(outcome)}`);
  return `<p class="note">${formatNumber(fillCount)} fills; ${
    parts.length === 0 ? "no order trimmed, rejected or expired" : `orders ${parts.join(", ")}`
  }.</p>`;
}
