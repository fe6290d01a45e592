import assert from "node:assert/strict";
import fc from "fast-check";
import type { BarSeries } from "./bars.ts";
import { dayOfMs, formatIsoDay, parseIsoDay, weekdayOfDay } from "./dates.ts";
import { createRandom } from "./random.ts";
import { ASSET_CLASSES, BUCKETS, REGIMES } from "./fixture_types.ts";
import { DEFAULT_FIXTURE_SPEC, FIXTURE_TICKERS, generateFixtureMarket } from "./fixture_market.ts";
import { drawRegimeEpisodes, regimeName } from "./fixture_regimes.ts";
import { fixtureFiles, MANIFEST_NAME, manifestText, sha256Hex } from "./fixture_files.ts";
import { DEFAULT_FIXTURES_DIR } from "./fixtures.ts";

const market = generateFixtureMarket();
const files = fixtureFiles(market);
const byTicker = new Map(market.series.map((s) => [s.ticker, s]));
const dateOf = (s: BarSeries, i: number) => formatIsoDay(dayOfMs(s.time[i] as number));
const calendarIndex = new Map<number, number>();
market.days.forEach((d, t) => calendarIndex.set(d, t));

Deno.test("generateFixtureMarket() regenerates the committed fixtures byte for byte (MANIFEST.sha256)", async () => {
  const committed = await Deno.readTextFile(new URL(MANIFEST_NAME, DEFAULT_FIXTURES_DIR));
  assert.equal(await manifestText(files), committed);
  for (const line of committed.trimEnd().split("\n")) {
    const [hash, path] = line.split("  ");
    const bytes = await Deno.readFile(new URL(path ?? "", DEFAULT_FIXTURES_DIR));
    assert.equal(
      await sha256Hex(bytes),
      hash,
      `fixtures/${path} differs from what the generator writes`,
    );
  }
});

Deno.test("generateFixtureMarket() depends on the seed only", () => {
  const spec = { from: "2019-01-02", to: "2019-12-31", tickers: FIXTURE_TICKERS.slice(0, 2) };
  const a = generateFixtureMarket({ ...spec, seed: 1 }),
    b = generateFixtureMarket({ ...spec, seed: 1 });
  const c = generateFixtureMarket({ ...spec, seed: 2 });
  assert.deepEqual(a.series, b.series);
  assert.deepEqual(a.regimes, b.regimes);
  assert.notDeepEqual(a.series[0]?.close, c.series[0]?.close);
});

Deno.test("every daily and hourly bar is valid: high >= max(open, close), low <= min(open, close), all > 0, integer volume", () => {
  for (const s of [...market.series, ...market.intraday]) {
    for (let i = 0; i < s.time.length; i++) {
      const o = s.open[i] as number, h = s.high[i] as number, l = s.low[i] as number;
      const c = s.close[i] as number, v = s.volume[i] as number;
      const where = `${s.ticker} ${s.interval} row ${i}`;
      assert.ok(h >= Math.max(o, c) && l <= Math.min(o, c), `${where}: ${o} ${h} ${l} ${c}`);
      assert.ok(l > 0 && (s.adjClose[i] as number) > 0, where);
      assert.ok(Number.isInteger(v) && v > 0, `${where}: volume ${v}`);
      if (i > 0) {
        assert.ok((s.time[i] as number) > (s.time[i - 1] as number), `${where}: time order`);
      }
    }
  }
});

Deno.test("price files use Yahoo's format with at most 4 price decimals and 6 Adj Close decimals", () => {
  const daily = /^\d{4}-\d{2}-\d{2}(,\d+(\.\d{1,4})?){4},\d+(\.\d{1,6})?,\d+$/;
  const hourly = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z(,\d+(\.\d{1,4})?){4},\d+(\.\d{1,6})?,\d+$/;
  for (const [path, text] of files) {
    if (!path.endsWith(".csv") || !(path.startsWith("market/") || path.startsWith("intraday/"))) {
      continue;
    }
    const [header, ...rows] = text.trimEnd().split("\n");
    const intraday = path.startsWith("intraday/");
    assert.equal(header, `${intraday ? "Datetime" : "Date"},Open,High,Low,Close,Adj Close,Volume`);
    const bad = rows.find((r) => !(intraday ? hourly : daily).test(r));
    assert.equal(bad, undefined, `${path}: ${bad}`);
  }
});

Deno.test("Adj Close is back-adjusted as Yahoo does and equals Close after the last event", () => {
  // The seed's rule: AdjClose_t / AdjClose_(t-1) = (Close_t * Split_t + Dividend_t) / Close_(t-1).
  const events = new Map(market.actions.map((a) => [`${a.ticker} ${a.date}`, a]));
  for (const s of market.series) {
    const n = s.time.length;
    let lastEvent = 0;
    for (let i = 1; i < n; i++) {
      const e = events.get(`${s.ticker} ${dateOf(s, i)}`);
      if (e !== undefined) lastEvent = i;
      const ratio = ((s.close[i] as number) * (e?.split ?? 1) + (e?.dividend ?? 0)) /
        (s.close[i - 1] as number);
      const expected = (s.adjClose[i - 1] as number) * ratio;
      // Adj Close is rounded to 1e-6 on both rows: the gap is at most 5e-7 * (1 + ratio).
      assert.ok(
        Math.abs((s.adjClose[i] as number) - expected) <= 5e-7 * (1 + ratio) + 1e-12,
        `${s.ticker} ${dateOf(s, i)}`,
      );
    }
    for (let i = lastEvent; i < n; i++) {
      assert.equal(s.adjClose[i], s.close[i], `${s.ticker} row ${i}`);
    }
  }
});

Deno.test("dividends: bond funds monthly, equity funds quarterly, ex-dates on trading days", () => {
  const count = (ticker: string, year: string) =>
    market.actions.filter((a) => a.ticker === ticker && a.date.startsWith(year) && a.dividend > 0)
      .length;
  for (const t of ["TLT", "IEF", "SHY", "LQD", "HYG", "AGG", "TIP"]) {
    assert.equal(count(t, "2015"), 12, t);
  }
  for (const t of ["SPY", "QQQ", "XLP", "EFA", "VNQ", "KO"]) assert.equal(count(t, "2015"), 4, t);
  for (const t of ["GLD", "USO", "NVDA"]) assert.equal(count(t, "2015"), 0, t);
  for (const a of market.actions) {
    const s = byTicker.get(a.ticker);
    assert.ok(
      s !== undefined && s.time.includes(parseIsoDay(a.date) * 86_400_000),
      `${a.ticker} ${a.date}`,
    );
  }
});

Deno.test("awkward cases: PYPL listed in 2015, EWJ missing six days, AAPL splitting 4-for-1", () => {
  for (const s of market.series) {
    assert.equal(dateOf(s, 0), s.ticker === "PYPL" ? "2015-07-20" : "2011-01-03", s.ticker);
    const expected = s.ticker === "PYPL"
      ? Array.from(market.days).filter((d) => d >= parseIsoDay("2015-07-20")).length
      : market.days.length - (s.ticker === "EWJ" ? 6 : 0);
    assert.equal(s.time.length, expected, s.ticker);
  }
  const ewj = byTicker.get("EWJ");
  assert.ok(ewj !== undefined);
  const present = new Set(Array.from(ewj.time, dayOfMs));
  const missing = Array.from(market.days).filter((d) => !present.has(d));
  assert.equal(missing.length, 6);
  for (const d of missing) assert.ok(weekdayOfDay(d) >= 1 && weekdayOfDay(d) <= 5, formatIsoDay(d));

  assert.deepEqual(market.actions.filter((a) => a.split !== 1), [
    { ticker: "AAPL", date: "2020-08-31", dividend: 0, split: 4 },
  ]);
  const aapl = byTicker.get("AAPL");
  assert.ok(aapl !== undefined);
  const t = Array.from(aapl.time).indexOf(parseIsoDay("2020-08-31") * 86_400_000);
  const rawDrop = (aapl.close[t - 1] as number) / (aapl.close[t] as number);
  const adjMove = (aapl.adjClose[t] as number) / (aapl.adjClose[t - 1] as number);
  assert.ok(rawDrop > 3 && rawDrop < 5.3, `raw close fell ${rawDrop}x`);
  assert.ok(Math.abs(Math.log(adjMove)) < 0.15, `adj close moved ${adjMove}`);
});

Deno.test("regime episodes last 60-250 trading days, cover the calendar, and all four regimes occur", () => {
  let next = 0;
  for (const e of market.episodes) {
    assert.equal(e.start, next);
    assert.ok(e.length >= 60 && e.length <= 250, `${e.regime} of ${e.length} days`);
    assert.equal(e.regime, regimeName(e.growth, e.inflation));
    next += e.length;
  }
  assert.equal(next, market.days.length);
  assert.deepEqual(new Set(market.episodes.map((e) => e.regime)), new Set(REGIMES));
  assert.deepEqual(market.regimes.dates, Array.from(market.days, formatIsoDay));
  market.regimes.regime.forEach((r, t) => {
    assert.equal(
      r,
      regimeName(market.regimes.growth[t] ?? "up", market.regimes.inflation[t] ?? "up"),
    );
  });
});

Deno.test("drawRegimeEpisodes() keeps every episode within its bounds for any seed and length", () => {
  fc.assert(fc.property(fc.integer(), fc.integer({ min: 60, max: 5000 }), (seed, days) => {
    const episodes = drawRegimeEpisodes(createRandom(seed, "p"), days);
    assert.equal(episodes.reduce((a, e) => a + e.length, 0), days);
    for (const e of episodes) assert.ok(e.length >= 60 && e.length <= 250);
  }));
  assert.throws(() => drawRegimeEpisodes(createRandom(1), 59), RangeError);
});

/** Mean daily total return (log Adj Close) of a class's tickers on days where `when` holds. */
function meanReturn(classes: readonly string[], when: (t: number) => boolean): number {
  let sum = 0, n = 0;
  for (const spec of FIXTURE_TICKERS) {
    if (!classes.includes(spec.assetClass)) continue;
    const s = byTicker.get(spec.ticker) as BarSeries;
    for (let i = 1; i < s.time.length; i++) {
      if (!when(calendarIndex.get(dayOfMs(s.time[i] as number)) as number)) continue;
      sum += Math.log((s.adjClose[i] as number) / (s.adjClose[i - 1] as number));
      n++;
    }
  }
  return sum / n;
}

Deno.test("the labels move the market: equities earn more when growth is up, treasuries when it is down", () => {
  // The seed's regime playbook, which the class models encode as drift tilts.
  const growthUp = (t: number) => market.regimes.growth[t] === "up";
  const growthDown = (t: number) => !growthUp(t);
  const inflationUp = (t: number) => market.regimes.inflation[t] === "up";
  const inflationDown = (t: number) => !inflationUp(t);
  const equities = [
    "broad_equity",
    "growth_equity",
    "value_equity",
    "cyclical_equity",
    "international_equity",
  ];
  for (const cls of equities) {
    assert.ok(meanReturn([cls], growthUp) > meanReturn([cls], growthDown) + 0.0005, cls);
  }
  assert.ok(
    meanReturn(["cyclical_equity"], growthUp) - meanReturn(["cyclical_equity"], growthDown) >
      meanReturn(["defensive_equity"], growthUp) - meanReturn(["defensive_equity"], growthDown),
  );
  assert.ok(meanReturn(["treasury"], growthDown) > meanReturn(["treasury"], growthUp));
  for (const cls of ["tips", "gold", "commodity", "energy"]) {
    assert.ok(meanReturn([cls], inflationUp) > meanReturn([cls], inflationDown), cls);
  }
});

Deno.test("daily vols are realistic: equity funds 0.6-1.8%, treasuries 0.1-0.8%, commodities 1-2.2%", () => {
  const vol = (s: BarSeries) => {
    const r = Array.from(
      { length: s.time.length - 1 },
      (_, i) => Math.log((s.adjClose[i + 1] as number) / (s.adjClose[i] as number)),
    );
    const mean = r.reduce((a, b) => a + b, 0) / r.length;
    return Math.sqrt(r.reduce((a, b) => a + (b - mean) ** 2, 0) / (r.length - 1));
  };
  const within = (ticker: string, lo: number, hi: number) => {
    const v = vol(byTicker.get(ticker) as BarSeries);
    assert.ok(v >= lo && v <= hi, `${ticker} daily vol ${v}`);
  };
  for (const t of ["SPY", "QQQ", "IWM", "EFA", "XLP", "XLU"]) within(t, 0.006, 0.018);
  for (const t of ["TLT", "IEF", "SHY"]) within(t, 0.001, 0.008);
  for (const t of ["DBC", "SLV", "USO"]) within(t, 0.01, 0.022);
});

Deno.test("hourly bars: 7 a day from 09:30 New York in UTC, inside the daily bar and touching its open, close, high, low", () => {
  assert.deepEqual(market.intraday.map((s) => s.ticker), ["SPY", "QQQ", "TLT"]);
  for (const h of market.intraday) {
    const d = byTicker.get(h.ticker) as BarSeries;
    assert.equal(h.time.length, 7 * 250);
    for (let k = 0; k < 250; k++) {
      const i = d.time.length - 250 + k, j = 7 * k;
      const stamp = new Date(h.time[j] as number).toISOString();
      assert.equal(stamp.slice(0, 10), dateOf(d, i));
      assert.ok(stamp.endsWith("T14:30:00.000Z") || stamp.endsWith("T13:30:00.000Z"), stamp);
      const bars = { high: h.high.subarray(j, j + 7), low: h.low.subarray(j, j + 7) };
      assert.equal(h.open[j], d.open[i]);
      assert.equal(h.close[j + 6], d.close[i]);
      assert.equal(Math.max(...bars.high), d.high[i]);
      assert.equal(Math.min(...bars.low), d.low[i]);
    }
  }
  // 2020-03-06 is before the switch to daylight saving time (EST, UTC-5); 2020-03-09 after (EDT, UTC-4).
  const spy = market.intraday[0] as BarSeries;
  const first = (date: string) =>
    Array.from(spy.time).find((ms) => new Date(ms).toISOString().startsWith(date));
  assert.equal(new Date(first("2020-03-06") ?? 0).toISOString(), "2020-03-06T14:30:00.000Z");
  assert.equal(new Date(first("2020-03-09") ?? 0).toISOString(), "2020-03-09T13:30:00.000Z");
});

Deno.test("fundamentals: quarterly for every stock, filed 30-45 days after period end on a weekday", () => {
  const stocks = FIXTURE_TICKERS.filter((t) => t.kind === "stock").map((t) => t.ticker);
  assert.deepEqual([...new Set(market.fundamentals.map((f) => f.ticker))], stocks);
  for (const f of market.fundamentals) {
    const lag = parseIsoDay(f.filingDate) - parseIsoDay(f.periodEnd);
    assert.ok(lag >= 30 && lag <= 47, `${f.ticker} ${f.periodEnd} filed after ${lag} days`);
    assert.ok(
      weekdayOfDay(parseIsoDay(f.filingDate)) <= 5 && weekdayOfDay(parseIsoDay(f.filingDate)) >= 1,
    );
    assert.ok(
      f.filingDate <= DEFAULT_FIXTURE_SPEC.to && f.pe > 0 && f.pb > 0 && f.profitMargin > 0,
      f.ticker,
    );
  }
  const aapl = market.fundamentals.filter((f) => f.ticker === "AAPL");
  assert.equal(aapl.length, 39); // quarters 2011Q1 .. 2020Q3 (2020Q4 is filed in 2021)
  assert.ok(
    market.fundamentals.filter((f) => f.ticker === "PYPL").every((f) =>
      f.periodEnd >= "2015-09-30"
    ),
  );
});

Deno.test("universe: 40+ real tickers over every asset class and bucket, SPY the one benchmark", () => {
  const entries = Object.entries(market.universe);
  assert.ok(entries.length >= 40);
  assert.deepEqual(new Set(entries.map(([, e]) => e.assetClass)), new Set(ASSET_CLASSES));
  assert.deepEqual(new Set(entries.flatMap(([, e]) => e.buckets)), new Set(BUCKETS));
  assert.deepEqual(entries.filter(([, e]) => e.benchmark).map(([t]) => t), ["SPY"]);
  for (const [ticker, e] of entries) {
    assert.ok(e.name.startsWith("Synthetic "), ticker);
    assert.equal(e.firstDate, dateOf(byTicker.get(ticker) as BarSeries, 0));
  }
});

Deno.test("the fixture files stay small (under 6.5 MB)", () => {
  let bytes = 0;
  for (const text of files.values()) bytes += new TextEncoder().encode(text).length;
  assert.ok(bytes < 6.5e6, `${bytes} bytes`);
});
