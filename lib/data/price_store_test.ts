import assert from "node:assert/strict";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { type BarRow, type BarSeries, seriesFromRows } from "./bars.ts";
import type { CorporateAction } from "./actions.ts";
import { PriceStore } from "./price_store.ts";
import { InputError } from "../errors.ts";

const DAY = 86_400_000;
const d = (iso: string) => Date.parse(iso) / DAY;

function bar(iso: string, close = 10, volume = 100): BarRow {
  return { time: Date.parse(iso), open: 10, high: 12, low: 8, close, adjClose: close / 2, volume };
}

function series(ticker: string, dates: string[], close = 10): BarSeries {
  return seriesFromRows(ticker, "1d", dates.map((iso) => bar(iso, close)));
}

async function withStore(fn: (path: string) => void | Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "price_store_test_" });
  try {
    await fn(join(dir, "prices.db"));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

function isoDays(s: BarSeries): string[] {
  return [...s.time].map((t) => new Date(t).toISOString().slice(0, 10));
}

Deno.test("PriceStore reads back exactly what it wrote, every field and ticker", () =>
  withStore((path) => {
    const a = series("AAA", ["2020-01-02", "2020-01-03"]);
    const b = seriesFromRows("BBB", "1h", [bar("2020-01-02T14:30:00Z", 11.123456789012345, 7)]);
    const store = PriceStore.open(path);
    store.write([a, b], [{ ticker: "AAA", day: d("2020-01-03"), dividend: 0.25, split: 1 }]);
    store.close();
    const again = PriceStore.open(path, { readOnly: true });
    try {
      assert.deepEqual(again.read(["AAA"], "1d"), [a]);
      assert.deepEqual(again.read("all", "1h"), [b]);
      assert.deepEqual(again.tickers("1d"), ["AAA"]);
      assert.deepEqual(again.actions(), [
        { ticker: "AAA", day: d("2020-01-03"), dividend: 0.25, split: 1 },
      ]);
      assert.deepEqual(again.coverage(), [
        { ticker: "AAA", interval: "1d", first: "2020-01-02", last: "2020-01-03", rows: 2 },
        {
          ticker: "BBB",
          interval: "1h",
          first: "2020-01-02T14:30Z",
          last: "2020-01-02T14:30Z",
          rows: 1,
        },
      ]);
    } finally {
      again.close();
    }
  }));

Deno.test("PriceStore.write() is idempotent: the same data again changes nothing, not even the file", () =>
  withStore(async (path) => {
    const a = series("AAA", ["2020-01-02", "2020-01-03"]);
    const actions: CorporateAction[] = [{
      ticker: "AAA",
      day: d("2020-01-03"),
      dividend: 1,
      split: 2,
    }];
    const store = PriceStore.open(path);
    store.write([a], actions);
    const before = await Deno.readFile(path);
    const summary = store.write([a], actions);
    store.close();
    assert.deepEqual(summary.series, [
      { ticker: "AAA", interval: "1d", rows: 2, added: 0, unchanged: 2, replaced: 0 },
    ]);
    assert.deepEqual(summary.actions, { added: 0, unchanged: 1, replaced: 0 });
    assert.deepEqual(await Deno.readFile(path), before);
  }));

Deno.test("PriceStore.write() appends a later range and replaces a changed bar", () =>
  withStore((path) => {
    const store = PriceStore.open(path);
    try {
      store.write([series("AAA", ["2020-01-02", "2020-01-03"])]);
      const later = store.write([series("AAA", ["2020-01-06", "2020-01-07"])]);
      assert.deepEqual(later.series[0], {
        ticker: "AAA",
        interval: "1d",
        rows: 4,
        added: 2,
        unchanged: 0,
        replaced: 0,
      });
      const fix = store.write([
        seriesFromRows("AAA", "1d", [bar("2020-01-03", 11), bar("2020-01-06")]),
      ]);
      assert.deepEqual(fix.series[0], {
        ticker: "AAA",
        interval: "1d",
        rows: 4,
        added: 0,
        unchanged: 1,
        replaced: 1,
      });
      const [stored] = store.read(["AAA"], "1d");
      assert.ok(stored !== undefined);
      assert.deepEqual(isoDays(stored), ["2020-01-02", "2020-01-03", "2020-01-06", "2020-01-07"]);
      assert.deepEqual([...stored.close], [10, 11, 10, 10]);
    } finally {
      store.close();
    }
  }));

Deno.test("PriceStore.write() validates first and writes nothing when any series is bad", () =>
  withStore((path) => {
    const store = PriceStore.open(path);
    try {
      const good = series("AAA", ["2020-01-02"]);
      const bad = seriesFromRows("BBB", "1d", [{ ...bar("2020-01-02"), high: 1 }]);
      assert.throws(() => store.write([good, bad]), (error) => {
        assert.ok(error instanceof InputError);
        assert.deepEqual(error.problems, [
          "BBB 1d row 1 (2020-01-02): high 1 is below open 10",
          "BBB 1d row 1 (2020-01-02): high 1 is below close 10",
        ]);
        return true;
      });
      assert.throws(() => store.write([good, good]), /AAA 1d: given twice in one write/);
      assert.deepEqual(store.coverage(), []);
    } finally {
      store.close();
    }
  }));

Deno.test("PriceStore.read() cuts to inclusive days, keeps the requested order and names missing tickers", () =>
  withStore((path) => {
    const store = PriceStore.open(path);
    try {
      store.write([
        series("BBB", ["2020-01-02", "2020-01-03", "2020-01-06"]),
        series("AAA", ["2020-01-03"]),
      ]);
      const [b, a] = store.read(["BBB", "AAA"], "1d", { from: "2020-01-03", to: "2020-01-03" });
      assert.ok(a !== undefined && b !== undefined);
      assert.deepEqual([b.ticker, a.ticker], ["BBB", "AAA"]);
      assert.deepEqual(isoDays(b), ["2020-01-03"]);
      assert.deepEqual(store.read("all", "1d").map((s) => s.ticker), ["AAA", "BBB"]);
      assert.throws(() => store.read(["AAA", "ZZZ", "YYY"], "1d"), (error) => {
        assert.ok(error instanceof InputError);
        assert.equal(error.message, `${path}: no 1d prices for ZZZ, YYY`);
        return true;
      });
      assert.throws(() => store.read("all", "1d", { from: "2020-1-3" }), RangeError);
    } finally {
      store.close();
    }
  }));

Deno.test("PriceStore.open() refuses a file that is not a price store, or of a newer schema", () =>
  withStore(async (path) => {
    const dir = join(path, "..");
    const text = join(dir, "notes.txt");
    await Deno.writeTextFile(text, "hello, this is not SQLite at all".repeat(10));
    assert.throws(
      () => PriceStore.open(text),
      /notes\.txt is not a price store \(not a SQLite database\)/,
    );
    const other = join(dir, "other.db");
    const db = new DatabaseSync(other);
    db.exec("CREATE TABLE events (id INTEGER)");
    db.close();
    assert.throws(
      () => PriceStore.open(other),
      /other\.db is a SQLite database but not a price store/,
    );
    PriceStore.open(path).close();
    const raw = new DatabaseSync(path);
    raw.exec("UPDATE meta SET value = '2' WHERE key = 'schema_version'");
    raw.close();
    assert.throws(
      () => PriceStore.open(path),
      /schema version 2 is newer than this program's 1; update the program/,
    );
    assert.throws(() => PriceStore.open(join(dir, "absent.db"), { readOnly: true }), InputError);
  }));

Deno.test("PriceStore.read() with fields reads only those columns; the others are NaN", () =>
  withStore((path) => {
    const store = PriceStore.open(path);
    store.write([
      series("AAA", ["2020-01-02", "2020-01-03"], 10),
      series("BBB", ["2020-01-02"], 11),
    ]);
    for (const tickers of ["all", ["BBB", "AAA"]] as const) {
      const read = store.read(tickers, "1d", { fields: ["open", "close"] });
      const aaa = read.find((s) => s.ticker === "AAA");
      assert.ok(aaa);
      assert.deepEqual(isoDays(aaa), ["2020-01-02", "2020-01-03"]);
      assert.deepEqual([...aaa.open], [10, 10]);
      assert.deepEqual([...aaa.close], [10, 10]);
      assert.ok([...aaa.high, ...aaa.low, ...aaa.adjClose, ...aaa.volume].every(Number.isNaN));
    }
    store.close();
  }));
