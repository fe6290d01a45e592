/**
 * The smaller HTML blocks of the report: the holdings table, the regime
 * shares and transitions, the protection totals, and the run's identity
 * (config, config hash, data hash).
 *
 * @module
 */

import type { Holding, ProtectionActivity, RunResult } from "../engine/run_result.ts";
import { largestHoldings } from "./allocation_chart.ts";
import type { DrawdownChart } from "./drawdown_chart.ts";
import { escapeHtml } from "./html_escape.ts";
import { formatNumber, formatPercent, MISSING } from "./format.ts";
import { REGIME_NAMES } from "../market/regime.ts";
import type { RegimeBand } from "./regime_band.ts";

/** Transitions listed in the regime section (most recent first). */
export const TRANSITIONS_LISTED = 30;

/** The holdings table: the `count` largest holdings, and how many there are. */
export function holdingsTableHtml(holdings: readonly Holding[], count: number): string {
  if (holdings.length === 0) return `<p class="note">No holdings at the end of the run.</p>`;
  const shown = largestHoldings(holdings, count);
  const rows = shown.map((h) =>
    `<tr><td>${escapeHtml(h.ticker)}</td><td class="text">${
      h.buckets.length === 0 ? MISSING : escapeHtml(h.buckets.join(", "))
    }</td><td>${formatNumber(h.shares, Number.isInteger(h.shares) ? 0 : 2)}</td><td>${
      formatNumber(h.price, 2)
    }</td><td>${formatNumber(h.value, 2)}</td><td>${formatPercent(h.weight)}</td></tr>`
  );
  const caption = shown.length < holdings.length
    ? `The ${formatNumber(shown.length)} largest of ${formatNumber(holdings.length)} holdings.`
    : `${formatNumber(holdings.length)} holdings, largest first.`;
  return `<p class="note">${caption}</p><div class="scroll short"><table><thead><tr><th>Ticker</th><th class="text">Buckets</th><th>Shares</th><th>Price</th><th>Value</th><th>Weight</th></tr></thead><tbody>${
    rows.join("")
  }</tbody></table></div>`;
}

/** The share of days in each regime, as coloured chips. */
export function regimeSharesHtml(band: RegimeBand): string {
  const chips = REGIME_NAMES.map((name) =>
    `<span class="chip regime-${name}"><i></i>${name} ${formatPercent(band.shares[name], 1)}</span>`
  );
  return `<p class="legend">${chips.join("")}</p>`;
}

/** The most recent transitions with their severity, and how many there are. */
export function transitionsTableHtml(band: RegimeBand): string {
  const all = band.transitions;
  if (all.length === 0) return `<p class="note">No regime transition in the run.</p>`;
  const shown = [...all].reverse().slice(0, TRANSITIONS_LISTED);
  const rows = shown.map((t) =>
    `<tr><td>${escapeHtml(t.date)}</td><td><span class="chip regime-${escapeHtml(t.from)}"><i></i>${
      escapeHtml(t.from)
    }</span></td><td><span class="chip regime-${escapeHtml(t.to)}"><i></i>${
      escapeHtml(t.to)
    }</span></td><td><span class="severity severity-${escapeHtml(t.severity)}">${
      escapeHtml(t.severity)
    }</span></td></tr>`
  );
  const counts = ["minor", "major", "critical"].map((s) =>
    `${formatNumber(all.filter((t) => t.severity === s).length)} ${s}`
  );
  return `<p class="note">${formatNumber(all.length)} transitions (${counts.join(", ")})${
    shown.length < all.length ? `; the ${shown.length} most recent:` : ":"
  }</p><div class="scroll short"><table><thead><tr><th>Date</th><th>From</th><th>To</th><th>Severity</th></tr></thead><tbody>${
    rows.join("")
  }</tbody></table></div>`;
}

/** The protection totals as tiles. */
export function protectionTotalsHtml(activity: ProtectionActivity): string {
  const t = activity.totals;
  const tiles: [string, number][] = [
    ["Decisions", t.decisions],
    ["Approved", t.approved],
    ["Blocked", t.blocked],
    ["Overrides", t.overrides],
    ["Grace decays", t.decays],
  ];
  return `<div class="tiles">${
    tiles.map(([label, n]) =>
      `<div class="tile"><span>${label}</span><b>${formatNumber(n)}</b></div>`
    )
      .join("")
  }</div>`;
}

/** The run's identity: strategy, period, versions and hashes, and its configuration as JSON. */
export function runInfoHtml(result: RunResult): string {
  const items: [string, string][] = [
    ["Strategy", result.strategy],
    [
      "Period",
      `${result.period.start} to ${result.period.end} (${formatNumber(result.period.days)} days)`,
    ],
    ["Started at", result.startedAt],
    ["Code version", result.codeVersion],
    ["Config hash", result.configHash],
    ["Data hash", result.dataHash],
    ["Result version", String(result.version)],
  ];
  const list = items.map(([k, v]) => `<dt>${k}</dt><dd><code>${escapeHtml(v)}</code></dd>`).join(
    "",
  );
  const config = JSON.stringify(result.config ?? null, null, 2) ?? "null";
  return `<dl class="info">${list}</dl><h3>Configuration</h3><pre class="config">${
    escapeHtml(config)
  }</pre>`;
}

/** The marked drawdowns as a table: rank, peak, trough, recovery, depth, length. */
export function worstDrawdownsHtml(worst: DrawdownChart["worst"]): string {
  if (worst.length === 0) return `<p class="note">The value never fell below a previous peak.</p>`;
  const rows = worst.map((w) =>
    `<tr><td>#${w.rank}</td><td>${escapeHtml(w.peak)}</td><td>${escapeHtml(w.trough)}</td><td>${
      w.recovered ? escapeHtml(w.end) : "not recovered"
    }</td><td class="loss">${formatPercent(w.depth)}</td><td>${
      formatNumber(w.lengthDays)
    }</td></tr>`
  );
  return `<table><thead><tr><th>Rank</th><th>Peak</th><th>Trough</th><th>Recovery</th><th>Depth</th><th>Calendar days</th></tr></thead><tbody>${
    rows.join("")
  }</tbody></table>`;
}
