/**
 * A cache of expensive services (the loaded market, the Panel, the regime
 * provider, the scan history, the fundamentals index) shared by the many runs
 * of a sweep, keyed by exactly what each one read while it was built.
 *
 * Design decision: the key is derived, not declared. A service is built from
 * plain data (the config, a date range) seen through a read tracker
 * (read_tracker.ts) and from objects passed by identity (the market, the
 * Panel). The entry remembers every path the builder read and the value it
 * found there; a later run reuses the entry when the same objects are passed
 * and every one of those paths holds the same value in its own input. So a
 * grid over sizing and protection reuses the regime provider (which reads
 * `buckets.regimeMap` and the data section through the Panel, never
 * `sizing.*`), while a grid over `buckets.regimeMap` rebuilds it, and nobody
 * has to keep a list of dependencies in step with the code. A builder that
 * reads its input after it returned would escape the record: the tracker is
 * sealed then, so such a read throws instead of giving a wrong answer.
 *
 * Each service name keeps at most `maxEntries` entries (the most recently
 * used), so the memory stays bounded whatever the number of runs.
 *
 * @module
 */
import { readSignature, type ReadTracker, trackReads, valueAt } from "./read_tracker.ts";

/** Options of a {@link ServiceCache}. */
export type ServiceCacheOptions = {
  /** Entries kept per service name, most recently used first; default 4. */
  readonly maxEntries?: number;
  /** Object paths of the input recorded whole when read (see read_tracker.ts). */
  readonly isLeaf?: (path: string) => boolean;
};

/** How often each service was built and reused. */
export type ServiceCacheStats = Readonly<Record<string, { builds: number; hits: number }>>;

type Entry = {
  readonly objects: readonly unknown[];
  readonly reads: ReadonlyMap<string, string>;
  readonly value: unknown;
};

/**
 * Services keyed by what they read; see the module doc.
 *
 * @example A service that reads one config value is rebuilt only when that value changes
 * ```ts
 * import assert from "node:assert/strict";
 * import { ServiceCache } from "./service_cache.ts";
 *
 * const cache = new ServiceCache();
 * let builds = 0;
 * const scale = (input: { sizing: { maxSingle: number; target: number } }) =>
 *   cache.use("scale", input, [], (i) => (builds++, i.sizing.target * 100));
 * assert.equal(scale({ sizing: { maxSingle: 0.1, target: 0.9 } }), 90);
 * assert.equal(scale({ sizing: { maxSingle: 0.2, target: 0.9 } }), 90); // maxSingle was never read
 * assert.equal(builds, 1);
 * assert.equal(scale({ sizing: { maxSingle: 0.2, target: 0.8 } }), 80);
 * assert.equal(builds, 2);
 * assert.deepEqual(cache.stats(), { scale: { builds: 2, hits: 1 } });
 * ```
 */
export class ServiceCache {
  readonly #entries = new Map<string, Entry[]>();
  readonly #stats = new Map<string, { builds: number; hits: number }>();
  readonly #maxEntries: number;
  readonly #isLeaf: (path: string) => boolean;

  /** An empty cache; `RangeError` when `maxEntries` is not a positive integer. */
  constructor(options: ServiceCacheOptions = {}) {
    const max = options.maxEntries ?? 4;
    if (!Number.isInteger(max) || max < 1) {
      throw new RangeError(
        `Cannot create a ServiceCache as maxEntries must be a positive integer: current value is ${max}`,
      );
    }
    this.#maxEntries = max;
    this.#isLeaf = options.isLeaf ?? (() => false);
  }

  /**
   * The service `name` for `input` and `objects`: a stored one when the same
   * objects were passed and every path its builder read holds the same value
   * in `input`; otherwise `build(trackedInput)`, stored.
   */
  use<I extends object, T>(
    name: string,
    input: I,
    objects: readonly unknown[],
    build: (input: I) => T,
  ): T {
    const found = this.#find(name, input, objects);
    if (found !== undefined) return found.value as T;
    const tracker = trackReads(input, this.#isLeaf);
    let value: T;
    try {
      value = build(tracker.view);
    } finally {
      tracker.seal();
    }
    this.#store(name, objects, tracker, value);
    return value;
  }

  /** {@link use} for a builder that returns a promise: stored once it resolves. */
  async useAsync<I extends object, T>(
    name: string,
    input: I,
    objects: readonly unknown[],
    build: (input: I) => Promise<T>,
  ): Promise<T> {
    const found = this.#find(name, input, objects);
    if (found !== undefined) return found.value as T;
    const tracker = trackReads(input, this.#isLeaf);
    let value: T;
    try {
      value = await build(tracker.view);
    } finally {
      tracker.seal();
    }
    this.#store(name, objects, tracker, value);
    return value;
  }

  /** Builds and reuses per service name, for reports and tests. */
  stats(): ServiceCacheStats {
    return Object.fromEntries([...this.#stats].map(([k, v]) => [k, { ...v }]));
  }

  /** Drops every entry (the stats stay). */
  clear(): void {
    this.#entries.clear();
  }

  #find(name: string, input: object, objects: readonly unknown[]): Entry | undefined {
    const list = this.#entries.get(name) ?? [];
    const i = list.findIndex((e) => _matches(e, input, objects));
    const stats = this.#statsOf(name);
    if (i < 0) return undefined;
    const entry = list[i] as Entry;
    if (i > 0) list.splice(0, 0, ...list.splice(i, 1));
    stats.hits++;
    return entry;
  }

  #store(name: string, objects: readonly unknown[], tracker: ReadTracker<object>, value: unknown) {
    const list = this.#entries.get(name) ?? [];
    list.unshift({ objects: [...objects], reads: tracker.reads, value });
    if (list.length > this.#maxEntries) list.length = this.#maxEntries;
    this.#entries.set(name, list);
    this.#statsOf(name).builds++;
  }

  #statsOf(name: string) {
    let s = this.#stats.get(name);
    if (s === undefined) this.#stats.set(name, s = { builds: 0, hits: 0 });
    return s;
  }
}

function _matches(entry: Entry, input: object, objects: readonly unknown[]): boolean {
  if (entry.objects.length !== objects.length) return false;
  for (let i = 0; i < objects.length; i++) if (entry.objects[i] !== objects[i]) return false;
  for (const [path, signature] of entry.reads) {
    if (readSignature(valueAt(input, path)) !== signature) return false;
  }
  return true;
}
