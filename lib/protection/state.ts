/**
 * The protection state as explicit data: one record per asset (position, cycle
 * history, grace, core status, last score) and the last regime transition.
 *
 * Design decision: plain classes with numeric fields that are NaN when absent
 * (a comparison with NaN is false, so "no grace" and "not core" need no extra
 * branch), and the cycle history as parallel number arrays. A decision then
 * reads a handful of numbers from one object found by one Map lookup. The
 * store updates the facts every rule shares; each rule's `observe` updates its
 * own fields (grace start, core designation) after it.
 *
 * @module
 */
import type { ProtectionFact, RegimeSeverity } from "./facts.ts";

/** What a rule may read about one asset (all times on the request's day clock `t`). */
export interface AssetView {
  /** The asset's ticker. */
  readonly asset: string;
  /** Whether a position is open. */
  readonly open: boolean;
  /** Current size of the open position (0 when closed). */
  readonly size: number;
  /** Day the open position was opened (NaN when closed). */
  readonly entryT: number;
  /** Epoch ms of the opening fill when recorded (NaN otherwise). */
  readonly entryMs: number;
  /** Last observed score (NaN before the first). */
  readonly lastScore: number;
  /** Day of the last observed score (NaN before the first). */
  readonly lastScoreT: number;
  /** Last asset return minus bucket return (NaN before the first). */
  readonly relativeReturn: number;
  /** Day of the last relative return (NaN before the first). */
  readonly relativeReturnT: number;
  /** Opening days of the completed open-close cycles, oldest first. */
  readonly cycleOpenT: readonly number[];
  /** Closing days of the completed cycles, oldest first (ascending). */
  readonly cycleCloseT: readonly number[];
  /** Opening epoch ms of the completed cycles (NaN where unknown). */
  readonly cycleOpenMs: readonly number[];
  /** Closing epoch ms of the completed cycles (NaN where unknown). */
  readonly cycleCloseMs: readonly number[];
  /** Day grace started (NaN when not in grace). */
  readonly graceStartT: number;
  /** Position size when grace started, the base of the decay (NaN when not in grace). */
  readonly graceStartSize: number;
  /** Day of the last core designation (NaN if never). */
  readonly coreSinceT: number;
  /** Last day of core status, inclusive (NaN when not core or revoked). */
  readonly coreUntilT: number;
  /** Day core status was revoked for underperformance (NaN if never). */
  readonly coreRevokedT: number;
}

/** The mutable record behind {@link AssetView}; only the store and rules' `observe` write it. */
export class AssetState implements AssetView {
  /** The asset's ticker. */
  readonly asset: string;
  /** Whether a position is open. */
  open: boolean = false;
  /** Current size of the open position (0 when closed). */
  size: number = 0;
  /** Day the open position was opened (NaN when closed). */
  entryT: number = NaN;
  /** Epoch ms of the opening fill when recorded (NaN otherwise). */
  entryMs: number = NaN;
  /** Last observed score (NaN before the first). */
  lastScore: number = NaN;
  /** Day of the last observed score. */
  lastScoreT: number = NaN;
  /** Last asset return minus bucket return. */
  relativeReturn: number = NaN;
  /** Day of the last relative return. */
  relativeReturnT: number = NaN;
  /** Opening days of the completed cycles. */
  readonly cycleOpenT: number[] = [];
  /** Closing days of the completed cycles. */
  readonly cycleCloseT: number[] = [];
  /** Opening epoch ms of the completed cycles. */
  readonly cycleOpenMs: number[] = [];
  /** Closing epoch ms of the completed cycles. */
  readonly cycleCloseMs: number[] = [];
  /** Day grace started (NaN when not in grace). */
  graceStartT: number = NaN;
  /** Position size when grace started. */
  graceStartSize: number = NaN;
  /** Day of the last core designation. */
  coreSinceT: number = NaN;
  /** Last day of core status, inclusive (NaN when not core). */
  coreUntilT: number = NaN;
  /** Day core status was revoked for underperformance. */
  coreRevokedT: number = NaN;

  /** An empty record for `asset`: closed, never scored, never core. */
  constructor(asset: string) {
    this.asset = asset;
  }
}

/** What a rule may read about the regime. */
export interface RegimeView {
  /** Day of the last transition (NaN before any). */
  readonly t: number;
  /** Regime before the transition. */
  readonly from: string;
  /** Regime after the transition. */
  readonly to: string;
  /** Severity of the transition. */
  readonly severity: RegimeSeverity;
}

/** The last regime transition. */
export class RegimeState implements RegimeView {
  /** Day of the last transition (NaN before any). */
  t: number = NaN;
  /** Regime before the transition. */
  from: string = "";
  /** Regime after the transition. */
  to: string = "";
  /** Severity of the transition. */
  severity: RegimeSeverity = "normal";
}

const SEVERITIES: ReadonlySet<string> = new Set(["normal", "high", "critical"]);

/** Every asset's state plus the regime, updated fact by fact in time order. */
export class ProtectionState {
  /** The last regime transition. */
  readonly regime: RegimeState = new RegimeState();
  readonly #assets = new Map<string, AssetState>();
  #lastT = -Infinity;

  /** The asset's state, or undefined when no fact about it was recorded. */
  get(asset: string): AssetState | undefined {
    return this.#assets.get(asset);
  }

  /** The asset's state, created empty on first use. */
  getOrCreate(asset: string): AssetState {
    let state = this.#assets.get(asset);
    if (state === undefined) {
      state = new AssetState(asset);
      this.#assets.set(asset, state);
    }
    return state;
  }

  /** Day of the last fact recorded (-Infinity before any). */
  get lastT(): number {
    return this.#lastT;
  }

  /**
   * Takes a restored asset record (see protection_snapshot.ts) as the next in
   * first-seen order; a RangeError when the asset already has one.
   */
  adopt(state: AssetState): void {
    if (this.#assets.has(state.asset)) {
      throw new RangeError(
        `Cannot adopt the record of ${state.asset} as the asset must be new: current value is known`,
      );
    }
    this.#assets.set(state.asset, state);
  }

  /** Sets the day of the last fact of a restored state: later facts must not come before it. */
  resumeAt(lastT: number): void {
    this.#lastT = lastT;
  }

  /** Every asset with recorded facts, in first-seen order. */
  assets(): IterableIterator<AssetState> {
    return this.#assets.values();
  }

  /** Forgets every fact. */
  clear(): void {
    this.#assets.clear();
    Object.assign(this.regime, new RegimeState());
    this.#lastT = -Infinity;
  }

  /**
   * Records the part of a fact every rule shares. Throws a RangeError on a fact
   * out of time order or inconsistent with the position (a wiring bug).
   */
  record(fact: ProtectionFact): void {
    if (!(fact.t >= this.#lastT) || !Number.isFinite(fact.t)) {
      throw new RangeError(
        `Cannot record ${fact.kind} as facts must arrive in time order: current value is t=${fact.t} after t=${this.#lastT}`,
      );
    }
    this.#lastT = fact.t;
    if (fact.kind === "regimeChanged") {
      if (!SEVERITIES.has(fact.severity)) {
        throw new RangeError(
          `Cannot record regimeChanged as severity must be normal, high or critical: current value is ${fact.severity}`,
        );
      }
      Object.assign(this.regime, {
        t: fact.t,
        from: fact.from,
        to: fact.to,
        severity: fact.severity,
      });
      return;
    }
    const state = this.getOrCreate(fact.asset);
    switch (fact.kind) {
      case "positionOpened":
        _expectOpen(state, false, fact.kind, fact.t);
        _expectFinite(fact.size, "size", fact);
        state.open = true;
        state.size = fact.size;
        state.entryT = fact.t;
        state.entryMs = fact.timeMs ?? NaN;
        return;
      case "positionAdjusted":
        _expectOpen(state, true, fact.kind, fact.t);
        _expectFinite(fact.size, "size", fact);
        state.size = fact.size;
        return;
      case "positionClosed":
        _expectOpen(state, true, fact.kind, fact.t);
        state.cycleOpenT.push(state.entryT);
        state.cycleCloseT.push(fact.t);
        state.cycleOpenMs.push(state.entryMs);
        state.cycleCloseMs.push(fact.timeMs ?? NaN);
        state.open = false;
        state.size = 0;
        state.entryT = NaN;
        state.entryMs = NaN;
        return;
      case "scoreObserved":
        _expectFinite(fact.score, "score", fact);
        state.lastScore = fact.score;
        state.lastScoreT = fact.t;
        return;
      case "performanceObserved":
        _expectFinite(fact.assetReturn, "assetReturn", fact);
        _expectFinite(fact.bucketReturn, "bucketReturn", fact);
        state.relativeReturn = fact.assetReturn - fact.bucketReturn;
        state.relativeReturnT = fact.t;
        return;
    }
  }
}

function _expectOpen(state: AssetState, open: boolean, kind: string, t: number): void {
  if (state.open === open) return;
  const now = state.open ? `open since t=${state.entryT}` : "closed";
  throw new RangeError(
    `Cannot record ${kind} for ${state.asset} at t=${t} as the position must be ${
      open ? "open" : "closed"
    }: current value is ${now}`,
  );
}

function _expectFinite(
  value: number,
  name: string,
  fact: { readonly kind: string; readonly asset: string; readonly t: number },
): void {
  if (Number.isFinite(value)) return;
  throw new RangeError(
    `Cannot record ${fact.kind} for ${fact.asset} at t=${fact.t} as ${name} must be finite: current value is ${value}`,
  );
}
