import assert from "node:assert/strict";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { PriceStore } from "./price_store.ts";
import type { FundamentalRow } from "./fixture_types.ts";
import { InputError } from "../errors.ts";

function row(ticker: string, periodEnd: string, figures: Partial<FundamentalRow> = {}) {
  return {
    ticker,
    periodEnd,
    filingDate: "2021-05-15",
    pe: 20,
    pb: 3,
    roe: 0.15,
    debtToEquity: 1,
    profitMargin: 0.125,
    revenueGrowth: 0.05,
    epsGrowth: -0.1,
    ...figures,
  } satisfies FundamentalRow;
}

async function withStore(fn: (path: string) => void | Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "price_store_fundamentals_test_" });
  try {
    await fn(join(dir, "prices.db"));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("PriceStore.fundamentals() reads back what writeFundamentals() stored, unknown figures as NaN", () =>
  withStore((path) => {
    const rows = [
      row("MSFT", "2021-03-31", { pe: NaN, epsGrowth: NaN }),
      row("AAPL", "2021-03-31"),
      row("AAPL", "2020-12-31", { filingDate: "2021-02-14" }),
    ];
    const store = PriceStore.open(path);
    assert.deepEqual(store.writeFundamentals(rows), { added: 3, unchanged: 0, replaced: 0 });
    store.close();
    const again = PriceStore.open(path, { readOnly: true });
    try {
      // By ticker, then period end.
      assert.deepEqual(again.fundamentals(), [rows[2], rows[1], rows[0]]);
      assert.deepEqual(again.fundamentals(["MSFT"]), [rows[0]]);
      assert.deepEqual(again.fundamentals(["KO"]), []);
    } finally {
      again.close();
    }
    // NaN is NULL in the table, for other readers of the file.
    const db = new DatabaseSync(path, { readOnly: true });
    try {
      assert.deepEqual(
        { ...db.prepare("SELECT pe, pb FROM fundamentals WHERE ticker = 'MSFT'").get() },
        { pe: null, pb: 3 },
      );
    } finally {
      db.close();
    }
  }));

Deno.test("PriceStore.writeFundamentals() is idempotent and replaces a row that changed", () =>
  withStore((path) => {
    const store = PriceStore.open(path);
    try {
      const rows = [row("AAPL", "2020-12-31", { roe: NaN }), row("AAPL", "2021-03-31")];
      store.writeFundamentals(rows);
      assert.deepEqual(store.writeFundamentals(rows), { added: 0, unchanged: 2, replaced: 0 });
      const revised = row("AAPL", "2021-03-31", { pe: 21 });
      assert.deepEqual(
        store.writeFundamentals([revised, row("AAPL", "2021-06-30", { filingDate: "2021-08-14" })]),
        { added: 1, unchanged: 0, replaced: 1 },
      );
      assert.deepEqual(store.fundamentals().map((r) => [r.periodEnd, r.pe]), [
        ["2020-12-31", 20],
        ["2021-03-31", 21],
        ["2021-06-30", 20],
      ]);
    } finally {
      store.close();
    }
  }));

Deno.test("PriceStore.writeFundamentals() lists every bad row and writes nothing", () =>
  withStore((path) => {
    const store = PriceStore.open(path);
    try {
      const bad = [
        row("AAPL", "2021-03-31"),
        row("AAPL", "2021-06-30", { filingDate: "2021-06-01" }),
        row("", "2021-03-31"),
        row("KO", "2021-13-01", { pb: Infinity }),
        row("AAPL", "2021-03-31"),
      ];
      assert.throws(() => store.writeFundamentals(bad), (error: unknown) => {
        assert.ok(error instanceof InputError);
        assert.deepEqual(error.problems, [
          `${path} fundamentals row 2 (AAPL 2021-06-30): filingDate 2021-06-01 is before the period end`,
          `${path} fundamentals row 3 ( 2021-03-31): ticker must be a non-empty word`,
          `${path} fundamentals row 4 (KO 2021-13-01): periodEnd is not a YYYY-MM-DD date`,
          `${path} fundamentals row 4 (KO 2021-13-01): pb Infinity is not a finite number or NaN`,
          `${path} fundamentals row 5 (AAPL 2021-03-31): given twice in one write`,
        ]);
        return true;
      });
      assert.deepEqual(store.fundamentals(), []);
    } finally {
      store.close();
    }
  }));

Deno.test("PriceStore gives a version-1 store without the fundamentals table one when opened for writing", () =>
  withStore((path) => {
    PriceStore.open(path).close();
    const db = new DatabaseSync(path);
    db.exec("DROP TABLE fundamentals"); // as a store written before the table existed
    db.close();
    const reader = PriceStore.open(path, { readOnly: true });
    try {
      assert.deepEqual(reader.fundamentals(), []);
    } finally {
      reader.close();
    }
    const writer = PriceStore.open(path);
    try {
      assert.deepEqual(writer.writeFundamentals([row("KO", "2021-03-31")]).added, 1);
      assert.deepEqual(writer.fundamentals(), [row("KO", "2021-03-31")]);
    } finally {
      writer.close();
    }
  }));
