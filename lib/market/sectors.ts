/**
 * Sectors to buckets: where a stock goes when a bucket file gives its sector
 * rather than its buckets (`buckets.file`, `buckets.sectors`).
 *
 * The default map covers the eleven sectors of the Global Industry
 * Classification Standard (GICS), the classification S&P and MSCI publish for
 * every listed company, and places each in the seed's buckets by what the seed
 * says a bucket holds (docs/design.md#buckets): technology and communication
 * companies are growth and risk assets; consumer discretionary, financials,
 * industrials and materials are cyclicals (financials and energy also value);
 * staples, health care and utilities are defensive (and low beta or quality);
 * real estate sits with the alternatives. It is plain configuration: a user
 * may replace it, or give a stock its buckets directly.
 *
 * @see https://www.msci.com/our-solutions/indexes/gics (the GICS sectors)
 * @module
 */

/** The eleven GICS sectors. */
export const GICS_SECTORS = [
  "Communication Services",
  "Consumer Discretionary",
  "Consumer Staples",
  "Energy",
  "Financials",
  "Health Care",
  "Industrials",
  "Information Technology",
  "Materials",
  "Real Estate",
  "Utilities",
] as const;

/** Sector name -> the buckets its stocks sit in. */
export type SectorBucketMap = Readonly<Record<string, readonly string[]>>;

/** The default sector map: each GICS sector in the seed's buckets (see the module doc). */
export const DEFAULT_SECTOR_BUCKETS: Readonly<
  Record<typeof GICS_SECTORS[number], readonly string[]>
> = Object.freeze({
  "Communication Services": ["Risk Assets", "Growth Assets"],
  "Consumer Discretionary": ["Risk Assets", "Cyclicals"],
  "Consumer Staples": ["Defensive Assets", "Low Beta"],
  "Energy": ["Energy", "Value Assets"],
  "Financials": ["Cyclicals", "Value Assets"],
  "Health Care": ["Defensive Assets", "Quality"],
  "Industrials": ["Cyclicals"],
  "Information Technology": ["Risk Assets", "Growth Assets"],
  "Materials": ["Cyclicals"],
  "Real Estate": ["Alternatives"],
  "Utilities": ["Defensive Assets", "Low Beta"],
});
