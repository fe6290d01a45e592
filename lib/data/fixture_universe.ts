/**
 * The fixture market's instruments: real, liquid US ticker names with
 * synthetic prices, and the return model of each asset class.
 *
 * Each asset's daily log return is
 * `(drift + alpha + scale * (growthTilt * G + inflationTilt * I)) / 252
 *  + scale * (marketLoading * m + growthLoading * g + inflationLoading * i + idio * e)`
 * where G, I are +1/-1 by the regime (growth up/down, inflation up/down), m, g, i
 * are the shared market, growth and inflation factor shocks and e is the asset's own.
 * The tilts follow the seed's regime playbook: equities gain when growth is up,
 * treasuries when growth is down, TIPS, gold, commodities and energy when inflation is up.
 *
 * @module
 */
import type { AssetClass, Bucket, InstrumentKind } from "./fixture_types.ts";

/** Return model of an asset class; drifts and tilts are annual log returns, vols daily. */
export type ClassModel = {
  readonly drift: number;
  readonly growthTilt: number;
  readonly inflationTilt: number;
  readonly marketLoading: number;
  readonly growthLoading: number;
  readonly inflationLoading: number;
  readonly idiosyncraticVol: number;
};

/** Daily standard deviations of the shared factor shocks (market doubles as the equity factor). */
export const FACTOR_VOLS = {
  /** Market factor in growth-up regimes. */
  marketCalm: 0.0085,
  /** Market factor in growth-down regimes: equities are more volatile in slowdowns. */
  marketStressed: 0.012,
  growth: 0.004,
  inflation: 0.003,
} as const;

const m = (
  drift: number,
  growthTilt: number,
  inflationTilt: number,
  marketLoading: number,
  growthLoading: number,
  inflationLoading: number,
  idiosyncraticVol: number,
): ClassModel => ({
  drift,
  growthTilt,
  inflationTilt,
  marketLoading,
  growthLoading,
  inflationLoading,
  idiosyncraticVol,
});

/** Return models by asset class (see the module doc for the formula). */
// deno-fmt-ignore
export const CLASS_MODELS: Readonly<Record<AssetClass, ClassModel>> = {
  //                      drift  gTilt  iTilt  mkt    g     i    idio
  broad_equity: m(0.06, 0.22, -0.04, 1.0, 0.8, -0.2, 0.002),
  growth_equity: m(0.08, 0.28, -0.1, 1.15, 0.9, -0.5, 0.005),
  defensive_equity: m(0.06, 0.04, -0.04, 0.6, 0.2, -0.2, 0.004),
  value_equity: m(0.04, 0.22, 0.06, 1.05, 1.0, 0.3, 0.005),
  cyclical_equity: m(0.04, 0.32, 0.06, 1.2, 1.2, 0.3, 0.006),
  international_equity: m(0.02, 0.22, 0.02, 1.0, 0.8, 0.1, 0.006),
  treasury: m(0.02, -0.09, -0.08, -0.15, -0.6, -0.6, 0.0015),
  corporate_bond: m(0.045, 0.02, -0.05, 0.1, -0.2, -0.5, 0.0015),
  tips: m(0.02, -0.05, 0.1, -0.05, -0.4, 0.5, 0.0015),
  gold: m(0.0, -0.06, 0.14, 0.05, -0.5, 1.6, 0.007),
  commodity: m(-0.06, 0.08, 0.2, 0.5, 0.6, 2.0, 0.008),
  energy: m(-0.04, 0.1, 0.2, 1.0, 0.7, 1.5, 0.008),
  reit: m(0.05, 0.1, -0.05, 1.0, 0.4, -0.4, 0.006),
};

/** A cash dividend schedule: ex-dates by frequency, amount = yield / payments a year * prior close. */
export type DividendSchedule = {
  readonly frequency: "monthly" | "quarterly";
  readonly yield: number;
};

/** One fixture instrument and how its prices are drawn. */
export type FixtureTicker = {
  readonly ticker: string;
  readonly assetClass: AssetClass;
  readonly name: string;
  readonly kind: InstrumentKind;
  readonly buckets: readonly Bucket[];
  /** Close of the first bar (before any split). */
  readonly startPrice: number;
  /** Typical daily volume in shares at the start (multiplied by later splits). */
  readonly averageVolume: number;
  /** Multiplies the regime tilts and every shock (duration for bonds, beta for stocks). */
  readonly scale: number;
  /** Extra annual drift, the asset's own. */
  readonly alpha: number;
  readonly dividend: DividendSchedule | null;
  /** ISO date before which the asset has no bars (listed mid-way). */
  readonly listFrom?: string;
  /** Number of trading days with no row (a data gap). */
  readonly missingDays?: number;
  /** A split on its ex-date. */
  readonly split?: { readonly date: string; readonly ratio: number };
};

const RISK: Bucket = "Risk Assets", DEF: Bucket = "Defensive Assets", VAL: Bucket = "Value Assets";
const GRO: Bucket = "Growth Assets", HB: Bucket = "High Beta", LB: Bucket = "Low Beta";
const CYC: Bucket = "Cyclicals", QUA: Bucket = "Quality", INTL: Bucket = "International";
const COM: Bucket = "Commodities", FI: Bucket = "Fixed Income", ALT: Bucket = "Alternatives";
const TSY: Bucket = "Treasuries", GOLD: Bucket = "Gold", NRG: Bucket = "Energy";

type Row = [
  ticker: string,
  assetClass: AssetClass,
  name: string,
  startPrice: number,
  averageVolume: number,
  buckets: readonly Bucket[],
  dividend: DividendSchedule | null,
  scale?: number,
  alpha?: number,
];
const Q = (y: number): DividendSchedule => ({ frequency: "quarterly", yield: y });
const M = (y: number): DividendSchedule => ({ frequency: "monthly", yield: y });

// deno-fmt-ignore
const ETFS: readonly Row[] = [
  ["SPY", "broad_equity", "Synthetic S&P 500 ETF", 127.05, 120e6, [RISK], Q(0.019)],
  ["QQQ", "growth_equity", "Synthetic Nasdaq-100 ETF", 54.46, 45e6, [RISK, GRO, HB], Q(0.008)],
  ["VUG", "growth_equity", "Synthetic US Growth ETF", 61.8, 1.2e6, [RISK, GRO], Q(0.011), 0.95],
  ["XLK", "growth_equity", "Synthetic Technology Sector ETF", 25.32, 9e6, [RISK, GRO, HB], Q(0.013)],
  ["XLP", "defensive_equity", "Synthetic Consumer Staples ETF", 29.52, 9e6, [DEF, LB, QUA], Q(0.026)],
  ["XLU", "defensive_equity", "Synthetic Utilities ETF", 31.44, 11e6, [DEF, LB], Q(0.035), 1.1],
  ["XLV", "defensive_equity", "Synthetic Health Care ETF", 31.75, 8e6, [DEF, LB, QUA], Q(0.016)],
  ["USMV", "defensive_equity", "Synthetic Min Volatility US ETF", 25.1, 2e6, [DEF, LB, QUA], Q(0.02), 0.9],
  ["VTV", "value_equity", "Synthetic US Value ETF", 53.4, 1.5e6, [RISK, VAL], Q(0.025), 0.95],
  ["XLF", "value_equity", "Synthetic Financials Sector ETF", 16.13, 70e6, [RISK, VAL, CYC, HB], Q(0.018), 1.15],
  ["IWM", "cyclical_equity", "Synthetic Russell 2000 ETF", 78.64, 40e6, [RISK, CYC, HB], Q(0.012)],
  ["XLY", "cyclical_equity", "Synthetic Consumer Discretionary ETF", 37.6, 6e6, [RISK, CYC], Q(0.013), 0.9, 0.03],
  ["XLI", "cyclical_equity", "Synthetic Industrials ETF", 35.07, 10e6, [RISK, CYC], Q(0.019), 0.95],
  ["XLB", "cyclical_equity", "Synthetic Materials ETF", 38.58, 8e6, [RISK, CYC, HB], Q(0.02)],
  ["EFA", "international_equity", "Synthetic Developed Markets ex-US ETF", 58.55, 25e6, [RISK, INTL], Q(0.03)],
  ["EEM", "international_equity", "Synthetic Emerging Markets ETF", 47.99, 60e6, [RISK, INTL, HB], Q(0.022), 1.25],
  ["VGK", "international_equity", "Synthetic Europe ETF", 49.5, 4e6, [RISK, INTL], Q(0.032), 1.05],
  ["EWJ", "international_equity", "Synthetic Japan ETF", 44.1, 9e6, [RISK, INTL], Q(0.018), 0.9],
  ["TLT", "treasury", "Synthetic 20+ Year Treasury Bond ETF", 92.2, 9e6, [DEF, FI, TSY, LB], M(0.03), 1.9],
  ["IEF", "treasury", "Synthetic 7-10 Year Treasury Bond ETF", 93.8, 2e6, [DEF, FI, TSY, LB], M(0.022), 0.85],
  ["SHY", "treasury", "Synthetic 1-3 Year Treasury Bond ETF", 84.01, 2e6, [DEF, FI, TSY, LB], M(0.01), 0.3, -0.01],
  ["LQD", "corporate_bond", "Synthetic Investment Grade Corporate Bond ETF", 108.9, 5e6, [DEF, FI, LB], M(0.04), 1.1],
  ["HYG", "corporate_bond", "Synthetic High Yield Corporate Bond ETF", 90.5, 10e6, [RISK, FI], M(0.06), 1.0, 0.02],
  ["AGG", "corporate_bond", "Synthetic US Aggregate Bond ETF", 106.2, 3e6, [DEF, FI, LB], M(0.028), 0.7],
  ["TIP", "tips", "Synthetic TIPS Bond ETF", 107.8, 1.5e6, [DEF, FI, ALT], M(0.022)],
  ["GLD", "gold", "Synthetic Gold Trust", 138.0, 12e6, [GOLD, ALT, DEF], null],
  ["SLV", "commodity", "Synthetic Silver Trust", 29.9, 20e6, [COM, ALT, HB], null, 1.45],
  ["DBC", "commodity", "Synthetic Commodity Index Fund", 27.4, 2e6, [COM, ALT, RISK], null, 1.1],
  ["XLE", "energy", "Synthetic Energy Sector ETF", 68.9, 14e6, [RISK, NRG, VAL, CYC], Q(0.03)],
  ["USO", "energy", "Synthetic Oil Fund", 38.9, 12e6, [NRG, COM, ALT, HB], null, 1.4],
  ["VNQ", "reit", "Synthetic Real Estate ETF", 57.9, 4e6, [RISK, ALT], Q(0.038)],
];

// deno-fmt-ignore
const STOCKS: readonly Row[] = [
  ["AAPL", "growth_equity", "Synthetic Apple Inc.", 331.29, 20e6, [RISK, GRO, QUA], Q(0.012), 1.2, 0.1],
  ["MSFT", "growth_equity", "Synthetic Microsoft Corp.", 27.98, 50e6, [RISK, GRO, QUA], Q(0.022), 1.05, 0.08],
  ["NVDA", "growth_equity", "Synthetic NVIDIA Corp.", 15.7, 40e6, [RISK, GRO, HB], null, 1.6, 0.14],
  ["AMZN", "growth_equity", "Synthetic Amazon.com Inc.", 184.22, 6e6, [RISK, GRO, HB], null, 1.3, 0.1],
  ["PYPL", "growth_equity", "Synthetic PayPal Holdings Inc.", 40.47, 12e6, [RISK, GRO], null, 1.2, 0.05],
  ["JNJ", "defensive_equity", "Synthetic Johnson & Johnson", 62.55, 12e6, [DEF, LB, QUA], Q(0.03)],
  ["PG", "defensive_equity", "Synthetic Procter & Gamble Co.", 64.54, 10e6, [DEF, LB, QUA], Q(0.03)],
  ["KO", "defensive_equity", "Synthetic Coca-Cola Co.", 65.61, 12e6, [DEF, LB, QUA], Q(0.03)],
  ["JPM", "value_equity", "Synthetic JPMorgan Chase & Co.", 43.4, 30e6, [RISK, VAL, CYC], Q(0.025), 1.2],
  ["CAT", "cyclical_equity", "Synthetic Caterpillar Inc.", 94.05, 6e6, [RISK, CYC, HB, VAL], Q(0.025), 1.1],
  ["XOM", "energy", "Synthetic Exxon Mobil Corp.", 74.55, 20e6, [RISK, NRG, VAL], Q(0.035), 0.9],
];

/** The awkward cases, by ticker: a mid-way listing, a data gap, a 4-for-1 split. */
const AWKWARD: Readonly<Record<string, Partial<FixtureTicker>>> = {
  PYPL: { listFrom: "2015-07-20" },
  EWJ: { missingDays: 6 },
  AAPL: { split: { date: "2020-08-31", ratio: 4 } },
};

function _fromRow(row: Row, kind: InstrumentKind): FixtureTicker {
  const [ticker, assetClass, name, startPrice, averageVolume, buckets, dividend, scale, alpha] =
    row;
  return {
    ticker,
    assetClass,
    name,
    kind,
    buckets,
    startPrice,
    averageVolume,
    scale: scale ?? 1,
    alpha: alpha ?? 0,
    dividend,
    ...AWKWARD[ticker],
  };
}

/** The fixture universe: 42 instruments, ETFs first, then stocks. SPY is the benchmark. */
export const FIXTURE_TICKERS: readonly FixtureTicker[] = [
  ...ETFS.map((r) => _fromRow(r, "etf")),
  ...STOCKS.map((r) => _fromRow(r, "stock")),
];

/** The benchmark ticker ("SPY-like"). */
export const BENCHMARK_TICKER = "SPY";

/** Extra daily idiosyncratic vol of a single stock, added in quadrature to its class's (fund-level) noise. */
export const STOCK_EXTRA_IDIOSYNCRATIC_VOL = 0.009;
