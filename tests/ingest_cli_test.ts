/**
 * `scripts/ingest.ts` run as a user would, with the narrow permissions of its
 * task: read anywhere, write only the temp folder, net only to Yahoo's hosts.
 * Needs `--allow-run` (to spawn deno).
 *
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";

const repo = new URL("../", import.meta.url).pathname;
const script = join(repo, "scripts", "ingest.ts");
const HEADER = "Date,Open,High,Low,Close,Adj Close,Volume\n";

type Run = { code: number; stdout: string; stderr: string };

async function runIngest(tmp: string, args: string[]): Promise<Run> {
  const command = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--quiet",
      "--allow-read",
      `--allow-write=${tmp}`,
      "--allow-net=query1.finance.yahoo.com,query2.finance.yahoo.com",
      "--allow-env",
      script,
      ...args,
    ],
    cwd: repo,
    stdout: "piped",
    stderr: "piped",
  });
  const out = await command.output();
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: out.code, stdout: decode(out.stdout), stderr: decode(out.stderr) };
}

/** Rows for consecutive weekdays from `start` with closes 10, 10.1, ... */
function rows(start: string, count: number): string {
  const out: string[] = [];
  let ms = Date.parse(start);
  for (let i = 0; out.length < count; i++, ms += 86_400_000) {
    const weekday = new Date(ms).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const c = (10 + out.length / 10).toFixed(2);
    out.push(`${new Date(ms).toISOString().slice(0, 10)},${c},${c},${c},${c},${c},1000`);
  }
  return out.join("\n") + "\n";
}

async function writeMarket(dir: string, files: Record<string, string>): Promise<void> {
  await Deno.mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await Deno.writeTextFile(join(dir, name), text);
}

type Summary = { series: { ticker: string; added: number; unchanged: number; rows: number }[] };

Deno.test("ingest CLI: a CSV folder ingests, again changes nothing, a later range appends", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "ingest_cli_" });
  try {
    const store = join(tmp, "data", "prices.db");
    const market = join(tmp, "market");
    await writeMarket(market, {
      "AAA.csv": HEADER + rows("2020-01-01", 5),
      "BBB.csv": HEADER + rows("2020-01-01", 3),
    });
    await Deno.writeTextFile(
      join(tmp, "actions.csv"),
      "Ticker,Date,Dividend,Split\nAAA,2020-01-02,0.5,1\n",
    );
    const args = ["--source", "csv", "--path", market, "--store", store, "--json"];

    const first = await runIngest(tmp, args);
    assert.equal(first.code, 0, first.stderr);
    const s1 = JSON.parse(first.stdout) as Summary & { actions: { added: number } };
    assert.deepEqual(s1.series.map((s) => [s.ticker, s.added, s.rows]), [["AAA", 5, 5], [
      "BBB",
      3,
      3,
    ]]);
    assert.equal(s1.actions.added, 1);
    const bytes = await Deno.readFile(store);

    const again = await runIngest(tmp, args);
    assert.equal(again.code, 0, again.stderr);
    const s2 = JSON.parse(again.stdout) as Summary;
    assert.deepEqual(s2.series.map((s) => [s.added, s.unchanged]), [[0, 5], [0, 3]]);
    assert.deepEqual(await Deno.readFile(store), bytes);

    // Eight weekdays from 2020-01-01 end on 2020-01-10; the first five are already stored.
    await writeMarket(market, { "AAA.csv": HEADER + rows("2020-01-01", 8) });
    const later = await runIngest(tmp, args);
    assert.equal(later.code, 0, later.stderr);
    const s3 = JSON.parse(later.stdout) as Summary;
    assert.deepEqual(s3.series.map((s) => [s.ticker, s.added, s.unchanged, s.rows]), [
      ["AAA", 3, 5, 8],
      ["BBB", 0, 3, 3],
    ]);
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});

Deno.test("ingest CLI: a malformed CSV exits 2 naming file and line, with the store unchanged", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "ingest_cli_" });
  try {
    const store = join(tmp, "prices.db");
    const market = join(tmp, "market");
    await writeMarket(market, { "AAA.csv": HEADER + rows("2020-01-01", 3) });
    const args = ["--source", "csv", "--path", market, "--store", store];
    const ok = await runIngest(tmp, args);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /^ingested 1 series from csv into /);
    const bytes = await Deno.readFile(store);

    await writeMarket(market, {
      "AAA.csv": HEADER + rows("2020-01-01", 4) + "2020-01-07,10,11,9\n",
    });
    const bad = await runIngest(tmp, args);
    assert.equal(bad.code, 2);
    assert.equal(
      bad.stderr.trim(),
      `error: ${join(market, "AAA.csv")} line 6: expected 7 fields as in the header, found 4`,
    );
    assert.equal(bad.stdout, "");
    assert.deepEqual(await Deno.readFile(store), bytes);
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});

Deno.test("ingest CLI: bad flags exit 2 with one clear line, --help exits 0", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "ingest_cli_" });
  try {
    const source = await runIngest(tmp, ["--source", "ftp"]);
    assert.equal(source.code, 2);
    assert.equal(
      source.stderr.trim(),
      "error: --source must be one of csv, yahoo, fixtures: current value is ftp",
    );
    const unknown = await runIngest(tmp, ["--source", "csv", "--bogus"]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^error: bad command line: .*--bogus/);
    const yahoo = await runIngest(tmp, ["--source", "yahoo", "--store", join(tmp, "p.db")]);
    assert.equal(yahoo.code, 2);
    assert.equal(yahoo.stderr.trim(), "error: --source yahoo needs --tickers A,B,...");
    const help = await runIngest(tmp, ["--help"]);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: deno task ingest --source csv\|yahoo\|fixtures/);
    assert.deepEqual([...Deno.readDirSync(tmp)], []);
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});
