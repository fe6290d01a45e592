/**
 * A deterministic stand-in for a backtest's audit traffic, for benchmarks and
 * tests: each session records a regime, a scan and a score per asset, and
 * protection verdicts, position changes, orders and fills for a few of them.
 *
 * @module
 */
import type { AuditLog } from "../audit_log.ts";
import { formatIsoDay, parseIsoDay } from "../../data/dates.ts";

/** Shape of the synthetic traffic. */
export type SyntheticOptions = {
  /** Universe size; default 200. */
  readonly assets?: number;
  /** Sessions to record (one per weekday); default 10. */
  readonly sessions?: number;
  /** First session date; default 2012-01-02. */
  readonly start?: string;
  /** Assets that change position per session; default 10. */
  readonly changes?: number;
};

/** Ticker `i` of the synthetic universe: `A000`, `A001`, ... */
export const syntheticTicker = (i: number): string => `A${String(i).padStart(3, "0")}`;

const REGIMES = ["Goldilocks", "Reflation", "Inflation", "Deflation"] as const;

/** Events one session records with these options. */
export function syntheticEventsPerSession(options: SyntheticOptions = {}): number {
  const assets = options.assets ?? 200, changes = Math.min(options.changes ?? 10, assets);
  // session_start + regime + scan and score per asset + per change: verdict, position, order, fill
  return 2 + 2 * assets + 4 * changes;
}

/**
 * Records `sessions` sessions into `log` (no run start or finish); returns the
 * dates used. The same options give the same events.
 */
export function recordSyntheticSessions(log: AuditLog, options: SyntheticOptions = {}): string[] {
  const assets = options.assets ?? 200, sessions = options.sessions ?? 10;
  const changes = Math.min(options.changes ?? 10, assets);
  let day = parseIsoDay(options.start ?? "2012-01-02");
  const dates: string[] = [];
  let orderId = 0;
  for (let s = 0; s < sessions; s++) {
    while ((((day + 4) % 7) + 7) % 7 === 0 || (((day + 4) % 7) + 7) % 7 === 6) day++;
    const asOf = formatIsoDay(day);
    dates.push(asOf);
    log.beginSession({ asOf });
    const regime = REGIMES[Math.floor(s / 60) % REGIMES.length] as string;
    log.record({ type: "RegimeDetected", asOf, regime, confidence: 0.8, timeframe: "1d" });
    for (let a = 0; a < assets; a++) {
      const asset = syntheticTicker(a), confidence = ((a * 7 + s) % 100) / 100;
      log.record({
        type: "ScanCompleted",
        asOf,
        asset,
        condition: a % 3 === 0 ? "trending" : "ranging",
        confidence,
      });
    }
    for (let a = 0; a < assets; a++) {
      const score = ((a * 13 + s * 7) % 100) / 100;
      log.record({
        type: "AssetScored",
        asOf,
        asset: syntheticTicker(a),
        score,
        reason: `combined score ${score}`,
      });
    }
    for (let c = 0; c < changes; c++) {
      const asset = syntheticTicker((s * changes + c) % assets);
      const reason = `score above threshold 0.65 (bucket Risk Assets)`;
      log.record({
        type: "ActionApproved",
        asOf,
        asset,
        action: "open",
        rule: "whipsaw_protection",
        reason,
        sizeAfter: 0.05,
        executionTimeMs: 0.02,
      });
      log.record({
        type: "PositionOpened",
        asOf,
        asset,
        sizeAfter: 0.05,
        scoreAfter: 0.8,
        reason,
        metadata: { bucket: "Risk Assets" },
      });
      orderId++;
      log.record({ type: "OrderPlaced", asOf, asset, orderId, side: "buy", shares: 100 + c });
      log.record({
        type: "OrderFilled",
        asOf,
        asset,
        orderId,
        side: "buy",
        shares: 100 + c,
        price: 101.25,
        commission: 1,
      });
    }
    log.endSession();
    day++;
  }
  return dates;
}

/**
 * Records an equal-weight rebalance's order traffic: every `every` weekdays,
 * an order for each of `assets` tickers (half sells, then half buys), filled
 * at the next weekday; `rebalances` times, through the log's bulk methods (as
 * the backtest's observer does), each rebalance in a session of its own
 * with `sessions`. Returns the rebalance dates.
 */
export function recordSyntheticOrders(
  log: AuditLog,
  options: {
    assets?: number;
    rebalances?: number;
    every?: number;
    start?: string;
    sessions?: boolean;
  } = {},
): string[] {
  const assets = options.assets ?? 500, rebalances = options.rebalances ?? 10;
  const every = options.every ?? 21;
  let day = parseIsoDay(options.start ?? "2002-01-02");
  const weekday = () => {
    while ((((day + 4) % 7) + 7) % 7 === 0 || (((day + 4) % 7) + 7) % 7 === 6) day++;
    return formatIsoDay(day);
  };
  const dates: string[] = [];
  let orderId = 0;
  for (let r = 0; r < rebalances; r++) {
    const placedOn = weekday();
    dates.push(placedOn);
    const orders = Array.from({ length: assets }, (_, a) => ({
      orderId: ++orderId,
      ticker: syntheticTicker(a),
      side: a < assets / 2 ? "sell" as const : "buy" as const,
      size: 1 + ((a * 37 + r * 11) % 400),
      type: "market",
      price: NaN,
    }));
    if (options.sessions) log.beginSession({ asOf: placedOn });
    log.recordOrdersPlaced(placedOn, orders);
    log.endSession();
    day++;
    const filledOn = weekday();
    log.recordFills(
      filledOn,
      orders.map((o, a) => {
        const price = 20 + ((a * 7919 + r * 104_729) % 100_000) / 997;
        return { ...o, price, commission: price * o.size * 0.001 };
      }),
    );
    day += every - 1;
  }
  return dates;
}
