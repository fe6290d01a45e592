/**
 * The codes a SQLite event store gives names (tickers, actions, regimes, run
 * ids, order types) and event types: each is looked up, or assigned, in the
 * file once and then served from a cache ({@link SqliteCodes}); a packed
 * batch's name indexes become those codes, each looked up once per batch
 * ({@link BatchCodes}).
 *
 * @module
 */
import type { DatabaseSync, StatementSync } from "node:sqlite";
import { EVENT_TYPES } from "./events.ts";

/** The store's codes of names and event types, cached for the store's connection. */
export class SqliteCodes {
  readonly #names = new Map<string, number>();
  readonly #types = new Map<string, Map<string, number>>();
  readonly #sql: { readonly name: StatementSync; readonly type: StatementSync };

  constructor(db: DatabaseSync) {
    this.#sql = {
      name: db.prepare(
        "INSERT INTO names (name) VALUES (?) ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id",
      ),
      type: db.prepare(
        "INSERT INTO event_types (event_type, event_category) VALUES (?, ?) " +
          "ON CONFLICT (event_type, event_category) DO UPDATE SET event_type = excluded.event_type RETURNING code",
      ),
    };
  }

  /** The code of `name` if this connection has looked it up already, else undefined. */
  cached(name: string): number | undefined {
    return this.#names.get(name);
  }

  /** The code of `name`, assigned in the file if it is new. */
  name(name: string): number {
    const cached = this.#names.get(name);
    if (cached !== undefined) return cached;
    const row = this.#sql.name.get(name);
    const id = Number(row?.id);
    this.#names.set(name, id);
    return id;
  }

  /** The code of an event type in its category, assigned in the file if it is new. */
  type(eventType: string, category: string): number {
    let byCategory = this.#types.get(eventType);
    if (byCategory === undefined) this.#types.set(eventType, byCategory = new Map());
    const cached = byCategory.get(category);
    if (cached !== undefined) return cached;
    const row = this.#sql.type.get(eventType, category);
    const code = Number(row?.code);
    byCategory.set(category, code);
    return code;
  }

  /** Forgets every cached code: those assigned inside a rolled-back transaction no longer exist. */
  forget(): void {
    this.#names.clear();
    this.#types.clear();
  }
}

/**
 * A packed batch's name indexes turned into the store's codes, each looked up
 * once per batch.
 */
export class BatchCodes {
  readonly #names: readonly string[];
  readonly #store: SqliteCodes;
  readonly #codes: (number | undefined)[];
  readonly #types = new Map<number, number>();
  readonly #finish: number;
  readonly #fail: number;
  readonly #runCategory: number;

  constructor(names: readonly string[], store: SqliteCodes) {
    this.#names = names;
    this.#store = store;
    this.#codes = new Array(names.length);
    this.#finish = names.indexOf(EVENT_TYPES.RunFinished.eventType);
    this.#fail = names.indexOf(EVENT_TYPES.RunFailed.eventType);
    this.#runCategory = names.indexOf(EVENT_TYPES.RunFinished.category);
  }

  /** The name at an index (-1 = null). */
  text(index: number): string | null {
    return index < 0 ? null : this.#names[index] as string;
  }

  /** The store's code of the name at an index (-1 = null). */
  name(index: number): number | null {
    if (index < 0) return null;
    const cached = this.#codes[index];
    if (cached !== undefined) return cached;
    return this.#codes[index] = this.#store.name(this.#names[index] as string);
  }

  /** The store's code of the event type and category at two indexes. */
  type(eventType: number, category: number): number {
    const key = eventType * this.#names.length + category;
    const cached = this.#types.get(key);
    if (cached !== undefined) return cached;
    const code = this.#store.type(
      this.#names[eventType] as string,
      this.#names[category] as string,
    );
    this.#types.set(key, code);
    return code;
  }

  /** The run status an event sets: finished by run_finish, failed by run_fail, else null. */
  runEnd(eventType: number, category: number): "finished" | "failed" | null {
    if (category !== this.#runCategory) return null;
    return eventType === this.#finish ? "finished" : eventType === this.#fail ? "failed" : null;
  }
}
