import assert from "node:assert/strict";
import { loadFixtures } from "../data/fixtures.ts";
import { Panel } from "../data/panel.ts";
import { ServiceError } from "../errors.ts";
import type { ResearchReader, ResearchRecord } from "../db/research_repository.ts";
import { axesOf, type RegimeName, regimeOf } from "./regime.ts";
import { activeBuckets } from "./buckets.ts";
import { createRegimeProvider } from "./regime_provider.ts";

const fixtures = await loadFixtures();
const panel = Panel.fromSeries(fixtures.series);

function recorder() {
  const lines: string[] = [];
  return {
    lines,
    logger: {
      info: (m: string) => lines.push(`info: ${m}`),
      warn: (m: string) => lines.push(`warn: ${m}`),
    },
  };
}

/** An in-memory research table; records every range it is asked for. */
function memoryReader(rows: readonly ResearchRecord[]) {
  const calls: [string, string][] = [];
  const reader: ResearchReader = {
    listResearch: (from, to) => {
      calls.push([from, to]);
      return Promise.resolve(rows.filter((r) => r.date !== null && r.date >= from && r.date <= to));
    },
  };
  return { reader, calls };
}

const row = (
  id: number,
  date: string,
  regime: string,
  extra: Partial<ResearchRecord> = {},
): ResearchRecord => ({
  id,
  regime,
  buckets: ["Gold"],
  date,
  confidence: 0.9,
  metadata: null,
  ...extra,
});

const opposite = (r: RegimeName): RegimeName => {
  const a = axesOf(r);
  return regimeOf(a.growth === "up" ? "down" : "up", a.inflation === "up" ? "down" : "up");
};

Deno.test("without a database the provider computes every day and says so in one info line", async () => {
  const { lines, logger } = recorder();
  const provider = await createRegimeProvider({ panel, logger });
  assert.equal(provider.databaseStatus, "not configured");
  assert.equal(lines.length, 1);
  assert.match(lines[0] ?? "", /^info: regime: no database configured/);
  const t = 1000, context = provider.atIndex(t);
  assert.equal(context.source, "computed");
  assert.equal(context.date, panel.dateAt(t));
  assert.equal(context.regime, provider.series.regimes[t]);
  assert.equal(context.confidence, provider.series.confidence[t]);
  assert.equal(context.stability, provider.series.stability[t]);
  assert.equal(context.timeframes["1d"].regime, provider.series.regimes[t]);
  assert.equal(context.timeframes["1w"].regime, provider.series.weeklyRegimes[t]);
  assert.deepEqual(context.buckets, activeBuckets(context.regime ?? "Goldilocks"));
});

Deno.test("a research row for a date wins over the detector, the highest id first, in one query for the run", async () => {
  const t = 1500, date = panel.dateAt(t);
  const computed = (await createRegimeProvider({ panel })).atIndex(t).regime ?? "Goldilocks";
  const other = opposite(computed);
  const { reader, calls } = memoryReader([
    row(7, date, other, { buckets: ["Gold", "Treasuries"], confidence: 0.812 }),
    row(3, date, computed),
  ]);
  const provider = await createRegimeProvider({
    panel,
    database: reader,
    from: panel.dateAt(1400),
    to: panel.dateAt(1600),
  });
  assert.deepEqual(calls, [[panel.dateAt(1400), panel.dateAt(1600)]]);
  const context = provider.at(date);
  assert.equal(context.source, "database");
  assert.equal(context.regime, other);
  assert.equal(context.confidence, 0.812);
  assert.deepEqual(context.buckets, ["Gold", "Treasuries"]);
  assert.equal(provider.atIndex(t + 1).source, "computed");
  assert.equal(provider.databaseStatus, "used");
  assert.equal(provider.databaseDays, 1);
});

Deno.test("a database row flipping both axes is a critical transition with override authority", async () => {
  const base = await createRegimeProvider({ panel });
  // A stretch where the detector held one regime for 40 days.
  const t = base.series.regimes.findIndex((r, i) =>
    i > 100 && r !== null && base.series.regimes.slice(i - 20, i + 20).every((x) => x === r)
  );
  const held = base.series.regimes[t] as RegimeName;
  const { reader } = memoryReader([row(1, panel.dateAt(t), opposite(held))]);
  const context = (await createRegimeProvider({ panel, database: reader })).atIndex(t);
  assert.deepEqual(context.transition, {
    date: panel.dateAt(t),
    from: held,
    to: opposite(held),
    severity: "critical",
    overrideAuthority: true,
    bypasses: ["grace_period", "holding_period", "whipsaw"],
    ageDays: 0,
  });
});

Deno.test("a transition stays in the context for transitionDays trading days, with its age", async () => {
  const provider = await createRegimeProvider({ panel, options: { transitionDays: 5 } });
  const list = provider.series.transitions;
  const e = list.find((x, k) => (list[k + 1]?.t ?? Infinity) - x.t > 6);
  assert.ok(e !== undefined);
  assert.equal(provider.atIndex(e.t).transition?.ageDays, 0);
  assert.equal(provider.atIndex(e.t + 4).transition?.ageDays, 4);
  assert.equal(provider.atIndex(e.t + 4).transition?.to, e.to);
  assert.equal(provider.atIndex(e.t + 5).transition, undefined);
  assert.notEqual(provider.atIndex(e.t - 1).transition?.date, panel.dateAt(e.t));
});

Deno.test("rows without confidence or buckets take the detector's and the regime map's; unknown regimes warn once", async () => {
  const t = 2000, date = panel.dateAt(t), next = panel.dateAt(t + 1);
  const { lines, logger } = recorder();
  const { reader } = memoryReader([
    row(1, date, "Deflation", { confidence: null, buckets: [] }),
    row(2, next, "Stagflation"),
    row(3, panel.dateAt(t + 2), "Growth"),
  ]);
  const provider = await createRegimeProvider({ panel, database: reader, logger });
  const context = provider.at(date);
  assert.equal(context.regime, "Deflation");
  assert.equal(context.confidence, provider.series.confidence[t]);
  assert.deepEqual(context.buckets, ["Defensive Assets", "Treasuries", "Gold"]);
  assert.equal(provider.at(next).source, "computed");
  assert.deepEqual(lines, [
    `warn: regime: 2 research row(s) with an unknown regime ignored (first: id 2 on ${next}: "Stagflation")`,
  ]);
});

Deno.test("at() on a weekend reads the Friday before, unless the database has a row for that very date", async () => {
  // 2015-06-06 was a Saturday, 2015-06-07 a Sunday.
  const { reader } = memoryReader([row(1, "2015-06-06", "Reflation")]);
  const provider = await createRegimeProvider({ panel, database: reader });
  const friday = provider.at("2015-06-05");
  assert.deepEqual({ ...provider.at("2015-06-07") }, { ...friday });
  const saturday = provider.at("2015-06-06");
  assert.equal(saturday.source, "database");
  assert.equal(saturday.date, "2015-06-06");
  assert.equal(saturday.regime, "Reflation");
  assert.throws(() => provider.at("2010-12-31"), RangeError);
});

Deno.test("an unreachable database is one warning and computed regimes; a bug in the reader is not swallowed", async () => {
  const { lines, logger } = recorder();
  const down: ResearchReader = {
    listResearch: () =>
      Promise.reject(
        new ServiceError("cannot connect to postgres://u:***@h:1/d: connection refused"),
      ),
  };
  const provider = await createRegimeProvider({ panel, database: down, logger });
  assert.equal(provider.databaseStatus, "unavailable");
  assert.equal(provider.atIndex(900).source, "computed");
  assert.deepEqual(lines, [
    "warn: regime: cannot connect to postgres://u:***@h:1/d: connection refused; regimes computed from market data",
  ]);
  const broken: ResearchReader = { listResearch: () => Promise.reject(new TypeError("bug")) };
  await assert.rejects(() => createRegimeProvider({ panel, database: broken }), TypeError);
});
