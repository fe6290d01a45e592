/**
 * The protection state as JSON, to carry from one day of a daily plan to the
 * next: every asset's record (position, cycles, grace, core status, last
 * score), the last regime transition, the time of the last fact, and the
 * orchestrator's counters.
 *
 * Design decision: rules count in trading days on the Panel's day index `t`,
 * and a plan builds a new Panel each day. Every day index is therefore stored
 * relative to the day the snapshot was taken (`t - anchorT`), which also holds
 * indices that lie ahead of the Panel (a core designation's last day); restored
 * onto a Panel where that day is `anchorT'`, each becomes `anchorT' + offset`.
 * Absent values (NaN) are null.
 *
 * @module
 */
import { AssetState, type ProtectionState } from "./state.ts";
import type { RegimeSeverity } from "./facts.ts";
import type { ProtectionMetrics } from "./verdict.ts";

/** Fields of {@link AssetState} that hold a day index. */
export const ASSET_DAY_FIELDS = [
  "entryT",
  "lastScoreT",
  "relativeReturnT",
  "graceStartT",
  "coreSinceT",
  "coreUntilT",
  "coreRevokedT",
] as const;

/** Fields of {@link AssetState} that hold another number. */
export const ASSET_NUMBER_FIELDS = [
  "size",
  "entryMs",
  "lastScore",
  "relativeReturn",
  "graceStartSize",
] as const;

/** Fields of {@link AssetState} that hold lists (day indices or epoch ms). */
export const ASSET_LIST_FIELDS = {
  cycleOpenT: "day",
  cycleCloseT: "day",
  cycleOpenMs: "number",
  cycleCloseMs: "number",
} as const;

/** One asset's protection record; day fields are offsets from the snapshot's day, absent values null. */
export type AssetSnapshot = {
  readonly asset: string;
  readonly open: boolean;
  readonly entryT: number | null;
  readonly lastScoreT: number | null;
  readonly relativeReturnT: number | null;
  readonly graceStartT: number | null;
  readonly coreSinceT: number | null;
  readonly coreUntilT: number | null;
  readonly coreRevokedT: number | null;
  readonly size: number | null;
  readonly entryMs: number | null;
  readonly lastScore: number | null;
  readonly relativeReturn: number | null;
  readonly graceStartSize: number | null;
  readonly cycleOpenT: readonly (number | null)[];
  readonly cycleCloseT: readonly (number | null)[];
  readonly cycleOpenMs: readonly (number | null)[];
  readonly cycleCloseMs: readonly (number | null)[];
};

// The lists above and this type must name the same fields.
type _Listed =
  | "asset"
  | "open"
  | typeof ASSET_DAY_FIELDS[number]
  | typeof ASSET_NUMBER_FIELDS[number]
  | keyof typeof ASSET_LIST_FIELDS;
const _sameFields: [_Listed] extends [keyof AssetSnapshot]
  ? [keyof AssetSnapshot] extends [_Listed] ? true : false
  : false = true;
void _sameFields;

/** Everything the protection orchestrator carries to the next day. */
export type ProtectionSnapshot = {
  /** Assets in first-seen order (the order core designations are counted in). */
  readonly assets: readonly AssetSnapshot[];
  readonly regime: {
    readonly t: number | null;
    readonly from: string;
    readonly to: string;
    readonly severity: RegimeSeverity;
  };
  /** Day of the last fact recorded (facts must keep arriving in time order); null before any. */
  readonly lastT: number | null;
  /** The orchestrator's counters (decisions, approvals, blocks by rule, overrides, decays). */
  readonly metrics: Pick<
    ProtectionMetrics,
    "decisions" | "approved" | "blocksByRule" | "overridesUsed" | "decays"
  >;
};

const _rel = (t: number, anchorT: number): number | null => Number.isFinite(t) ? t - anchorT : null;
const _abs = (offset: number | null, anchorT: number): number =>
  offset === null ? NaN : anchorT + offset;
const _num = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** One asset's record as a snapshot, its day indices relative to `anchorT`. */
export function assetSnapshot(state: AssetState, anchorT: number): AssetSnapshot {
  const out: Record<string, unknown> = { asset: state.asset, open: state.open };
  for (const f of ASSET_DAY_FIELDS) out[f] = _rel(state[f], anchorT);
  for (const f of ASSET_NUMBER_FIELDS) out[f] = _num(state[f]);
  for (const [f, kind] of Object.entries(ASSET_LIST_FIELDS)) {
    const list = state[f as keyof typeof ASSET_LIST_FIELDS];
    out[f] = list.map((x) => (kind === "day" ? _rel(x, anchorT) : _num(x)));
  }
  return out as AssetSnapshot;
}

/** The record a snapshot describes, on a Panel where the snapshot's day is `anchorT`. */
export function assetFromSnapshot(s: AssetSnapshot, anchorT: number): AssetState {
  const state = new AssetState(s.asset);
  state.open = s.open;
  for (const f of ASSET_DAY_FIELDS) state[f] = _abs(s[f], anchorT);
  for (const f of ASSET_NUMBER_FIELDS) state[f] = s[f] ?? NaN;
  for (const [f, kind] of Object.entries(ASSET_LIST_FIELDS)) {
    const key = f as keyof typeof ASSET_LIST_FIELDS;
    state[key].push(...s[key].map((x) => (kind === "day" ? _abs(x, anchorT) : x ?? NaN)));
  }
  return state;
}

/** The shared state's part of a snapshot (assets, regime, clock), relative to `anchorT`. */
export function stateSnapshot(
  state: ProtectionState,
  anchorT: number,
): Omit<ProtectionSnapshot, "metrics"> {
  const r = state.regime;
  return {
    assets: [...state.assets()].map((a) => assetSnapshot(a, anchorT)),
    regime: { t: _rel(r.t, anchorT), from: r.from, to: r.to, severity: r.severity },
    lastT: _rel(state.lastT, anchorT),
  };
}

/** Loads a snapshot's assets, regime and clock into an empty state, the snapshot's day being `anchorT`. */
export function restoreState(
  state: ProtectionState,
  snapshot: Omit<ProtectionSnapshot, "metrics">,
  anchorT: number,
): void {
  state.clear();
  for (const a of snapshot.assets) state.adopt(assetFromSnapshot(a, anchorT));
  const r = snapshot.regime;
  Object.assign(state.regime, {
    t: _abs(r.t, anchorT),
    from: r.from,
    to: r.to,
    severity: r.severity,
  });
  state.resumeAt(snapshot.lastT === null ? -Infinity : anchorT + snapshot.lastT);
}
