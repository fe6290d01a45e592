/**
 * Which parts of a plain-data input a piece of code reads: the input is handed
 * to it through a proxy that records the dotted path of every value read
 * (with the value's canonical JSON), so a cache can later tell whether
 * another input would give the code the very same answers.
 *
 * Rules:
 * - A value that is not a plain object (a number, a string, a list, null,
 *   undefined), or whose path is a declared leaf (a config parameter holding
 *   an object, such as `buckets.regimeMap`), is recorded whole and returned
 *   as is. Only the sections above the leaves are proxied.
 * - Listing a section's keys (`Object.keys`, a spread, `in`) records the
 *   whole section.
 * - After {@link ReadTracker.seal}, any read through the proxy throws: code
 *   that kept the input and read it later would depend on a path the record
 *   missed, so that is a bug to surface, never a silent wrong answer.
 *
 * @module
 */
import { canonicalJson } from "../config/hash.ts";

/** A proxy over a value and the record of what was read through it. */
export type ReadTracker<T> = {
  /** The value as the tracked code sees it. */
  readonly view: T;
  /** Path -> canonical JSON of the value read there (see {@link readSignature}). */
  readonly reads: ReadonlyMap<string, string>;
  /** Ends the tracking: later reads through `view` throw an Error. */
  readonly seal: () => void;
};

/**
 * The text a read is recorded as: the canonical JSON of the value, and
 * `undefined` (which JSON cannot hold) as a marker of its own.
 */
export function readSignature(value: unknown): string {
  return value === undefined ? "(undefined)" : canonicalJson(value);
}

/**
 * Tracks the reads of `root` (see the module doc); `isLeaf(path)` names the
 * object paths that are recorded whole.
 *
 * @example A function that reads one field of a section depends on that field only
 * ```ts
 * import assert from "node:assert/strict";
 * import { trackReads } from "./read_tracker.ts";
 *
 * const tracker = trackReads({ sizing: { maxSingle: 0.15, target: 0.95 }, tickers: ["SPY"] });
 * const read = (input: typeof tracker.view) => input.sizing.maxSingle * input.tickers.length;
 * assert.equal(read(tracker.view), 0.15);
 * tracker.seal();
 * assert.deepEqual([...tracker.reads], [["sizing.maxSingle", "0.15"], ["tickers", '["SPY"]']]);
 * assert.throws(() => tracker.view.sizing, /after it was built/);
 * ```
 */
export function trackReads<T extends object>(
  root: T,
  isLeaf: (path: string) => boolean = () => false,
): ReadTracker<T> {
  const reads = new Map<string, string>();
  let sealed = false;
  const check = (path: string) => {
    if (sealed) {
      throw new Error(
        `a shared service read ${
          path === "" ? "its input" : path
        } after it was built: its cache key cannot include that read (read everything while building)`,
      );
    }
  };
  // The proxies stand on empty shells, not on the input itself: a frozen input (a config is
  // deep-frozen) would otherwise forbid handing out a proxy in place of a nested section.
  const wrap = (real: object, prefix: string): object =>
    new Proxy({}, {
      get(_shell, key) {
        if (typeof key === "symbol") return Reflect.get(real, key);
        const path = prefix === "" ? key : `${prefix}.${key}`;
        check(path);
        const value = Reflect.get(real, key) as unknown;
        if (_isPlainObject(value) && !isLeaf(path)) return wrap(value, path);
        reads.set(path, readSignature(value));
        return value;
      },
      has(_shell, key) {
        check(prefix);
        reads.set(prefix, readSignature(real));
        return Reflect.has(real, key);
      },
      ownKeys() {
        check(prefix);
        reads.set(prefix, readSignature(real));
        return Reflect.ownKeys(real);
      },
      getOwnPropertyDescriptor(_shell, key) {
        const found = Reflect.getOwnPropertyDescriptor(real, key);
        return found === undefined ? undefined : { ...found, configurable: true };
      },
      set() {
        throw new TypeError("Cannot change a tracked input: it is read-only");
      },
    });
  return {
    view: wrap(root, "") as T,
    reads,
    seal: () => {
      sealed = true;
    },
  };
}

/** The value at a dotted path of `root` (undefined where the path leaves the objects). */
export function valueAt(root: unknown, path: string): unknown {
  if (path === "") return root;
  let node = root;
  for (const key of path.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function _isPlainObject(value: unknown): value is object {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
