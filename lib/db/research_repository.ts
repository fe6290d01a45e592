/**
 * The `research` table: regime readings by date (the seed's "database first"
 * source of regimes). Its `created_at` column is a DATE: the day the row applies to.
 *
 * @module
 */
import { InputError } from "../errors.ts";
import { parseIsoDay } from "../data/dates.ts";
import { type Database, guardQuery } from "./database.ts";

/** The `metadata` column's value: any JSON value, as `jsonb` holds it. */
export type ResearchMetadata =
  | string
  | number
  | boolean
  | null
  | readonly ResearchMetadata[]
  | { readonly [key: string]: ResearchMetadata };

/** A regime reading to store. */
export type ResearchRow = {
  /** Regime name ("Goldilocks", "Reflation", "Inflation", "Deflation"), at most 50 characters. */
  readonly regime: string;
  /** Buckets the regime activates. */
  readonly buckets: readonly string[];
  /** ISO date the reading applies to (the `created_at` column). */
  readonly date: string;
  /** 0..1. */
  readonly confidence: number;
  readonly metadata?: ResearchMetadata;
};

/** A stored regime reading; columns the seed allows to be NULL may be null. */
export type ResearchRecord = {
  readonly id: number;
  readonly regime: string | null;
  readonly buckets: readonly string[] | null;
  /** ISO date (the `created_at` column), null where the column is. */
  readonly date: string | null;
  readonly confidence: number | null;
  readonly metadata: ResearchMetadata;
};

/** Reads research rows by date range: what the regime provider needs from a database. */
export interface ResearchReader {
  /** Rows with `created_at` in [from, to] (ISO dates), by date then id. Throws a ServiceError. */
  listResearch(from: string, to: string): Promise<readonly ResearchRecord[]>;
}

/** Inserts rows in one statement; returns their ids in order. Bad rows: an {@link InputError}, nothing written. */
export async function insertResearch(
  db: Database,
  rows: readonly ResearchRow[],
): Promise<number[]> {
  const problems = rows.flatMap(_problems);
  if (problems.length > 0) throw new InputError(problems);
  if (rows.length === 0) return [];
  const values = rows.map((r) => ({
    regime: r.regime,
    buckets: [...r.buckets],
    created_at: r.date,
    confidence: r.confidence,
    metadata: r.metadata === undefined ? null : JSON.stringify(r.metadata),
  }));
  const inserted = await guardQuery(db, "insert research rows", () =>
    db.sql<{ id: number }[]>`
      INSERT INTO research (regime, buckets, created_at, confidence, metadata)
      SELECT regime, buckets, created_at::date, confidence::numeric, metadata::jsonb
      FROM json_to_recordset(${JSON.stringify(values)}::text::json)
        AS x(regime text, buckets text[], created_at text, confidence float8, metadata text)
      RETURNING id`);
  return inserted.map((r) => r.id);
}

/** Rows with `created_at` in [from, to] (ISO dates, both included), by date then id. */
export async function listResearch(
  db: Database,
  from: string,
  to: string,
): Promise<ResearchRecord[]> {
  _checkRange(from, to);
  const rows = await guardQuery(db, "read research rows", () =>
    db.sql<
      {
        id: number;
        regime: string | null;
        buckets: string[] | null;
        date: string | null;
        confidence: number | null;
        metadata: ResearchMetadata;
      }[]
    >`
      SELECT id, regime, buckets, to_char(created_at, 'YYYY-MM-DD') AS date,
        confidence::float8 AS confidence, metadata
      FROM research WHERE created_at BETWEEN ${from}::date AND ${to}::date
      ORDER BY created_at, id`);
  return rows.map((r) => ({ ...r }));
}

/** A {@link ResearchReader} over an open database. */
export function researchReader(db: Database): ResearchReader {
  return { listResearch: (from, to) => listResearch(db, from, to) };
}

function _problems(row: ResearchRow, i: number): string[] {
  const at = `research row ${i + 1}`;
  const out: string[] = [];
  if (row.regime.length === 0 || row.regime.length > 50) {
    out.push(`${at}: regime must have 1 to 50 characters, got "${row.regime}"`);
  }
  if (Number.isNaN(parseIsoDay(row.date))) out.push(`${at}: date "${row.date}" is not YYYY-MM-DD`);
  if (!(row.confidence >= 0 && row.confidence <= 1)) {
    out.push(`${at}: confidence ${row.confidence} must be in [0, 1]`);
  }
  return out;
}

function _checkRange(from: string, to: string): void {
  if (Number.isNaN(parseIsoDay(from)) || Number.isNaN(parseIsoDay(to))) {
    throw new RangeError(
      `Cannot list rows as from and to must be ISO dates: current value is ${from}..${to}`,
    );
  }
}
