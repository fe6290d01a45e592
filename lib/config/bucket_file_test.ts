import assert from "node:assert/strict";
import { InputError } from "../errors.ts";
import { applyBucketFile, parseBucketFile, readBucketFile } from "./bucket_file.ts";
import { validateConfig } from "./load.ts";

/** The problems an InputError lists, or fails. */
function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  assert.fail("no InputError");
}

async function problemsOfAsync(run: () => Promise<unknown>): Promise<readonly string[]> {
  try {
    await run();
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  assert.fail("no InputError");
}

const YAML = `# my tickers
tickers:
  GE: [Cyclicals, Value Assets]
  CSCO: Information Technology
  WMT: { sector: Consumer Staples }
  SPY: { buckets: [Defensive Assets] }
sectors:
  Information Technology: [Growth Assets]
`;

Deno.test("parseBucketFile() reads tickers by buckets or by sector from YAML, with their lines", () => {
  const file = parseBucketFile(YAML, "mine.yaml");
  assert.deepEqual(file.assignments, [
    { ticker: "GE", buckets: ["Cyclicals", "Value Assets"], where: "mine.yaml line 3" },
    { ticker: "CSCO", sector: "Information Technology", where: "mine.yaml line 4" },
    { ticker: "WMT", sector: "Consumer Staples", where: "mine.yaml line 5" },
    { ticker: "SPY", buckets: ["Defensive Assets"], where: "mine.yaml line 6" },
  ]);
  assert.deepEqual(file.sectors, { "Information Technology": ["Growth Assets"] });
});

Deno.test("applyBucketFile() puts each ticker in exactly the buckets given, by sector where asked", async () => {
  const config = validateConfig({ buckets: { file: "mine.yaml" } });
  const out = await applyBucketFile(
    config,
    () => Promise.resolve(parseBucketFile(YAML, "mine.yaml")),
  );
  const bucketsOf = (t: string) =>
    Object.entries(out.buckets.map).filter(([, l]) => l.includes(t)).map(([b]) => b);
  assert.deepEqual(bucketsOf("GE"), ["Value Assets", "Cyclicals"]);
  // The file's own sector map wins over buckets.sectors for Information Technology.
  assert.deepEqual(bucketsOf("CSCO"), ["Growth Assets"]);
  // Consumer Staples from the default (GICS) sector map.
  assert.deepEqual(bucketsOf("WMT"), ["Defensive Assets", "Low Beta"]);
  // SPY leaves Risk Assets: a file moves a default ticker too.
  assert.deepEqual(bucketsOf("SPY"), ["Defensive Assets"]);
  assert.ok(Object.isFrozen(out.buckets.map));
  // Without a file, the configuration is returned as it is.
  const plain = validateConfig({});
  assert.equal(await applyBucketFile(plain, () => Promise.reject(new Error("not read"))), plain);
});

Deno.test("applyBucketFile() lists every unknown bucket and sector with its line and a guess", async () => {
  const text =
    "tickers:\n  GE: [Cyclical]\n  CSCO: Informaton Technology\n  IBM: [Growth Assets]\n";
  const config = validateConfig({ buckets: { file: "bad.yaml" } });
  const problems = await problemsOfAsync(() =>
    applyBucketFile(config, () => Promise.resolve(parseBucketFile(text, "bad.yaml")))
  );
  assert.equal(problems.length, 2);
  assert.match(
    problems[0] ?? "",
    /^bucket file bad\.yaml line 2: GE: unknown bucket "Cyclical" \(did you mean "Cyclicals"\?\); buckets are Risk Assets, /,
  );
  assert.match(
    problems[1] ?? "",
    /^bucket file bad\.yaml line 3: CSCO: unknown sector "Informaton Technology" \(did you mean "Information Technology"\?\)/,
  );
});

Deno.test("parseBucketFile() reports malformed YAML and JSON, unknown keys and bad values with lines", () => {
  assert.match(
    problemsOf(() => parseBucketFile("tickers:\n  GE: [Cyclicals\n", "a.yaml"))[0] ?? "",
    /^bucket file a\.yaml line \d: /,
  );
  assert.match(
    problemsOf(() => parseBucketFile("tickers:\n  GE: x\n  GE: y\n", "a.yaml"))[0] ?? "",
    /^bucket file a\.yaml line 3: Map keys must be unique/,
  );
  assert.deepEqual(
    problemsOf(() =>
      parseBucketFile('{\n  "tickers": { "GE": 3 },\n  "sector": {}\n}\n', "a.json")
    ),
    [
      "bucket file a.json line 2: tickers.GE: must be a list of buckets, a sector, or { buckets: [...] } / { sector: ... }",
      "bucket file a.json line 1: sector: unknown key (keys are tickers, sectors)",
    ],
  );
  assert.deepEqual(
    problemsOf(() => parseBucketFile("tickers:\n  'GE CO': [Cyclicals]\n", "a.yaml")),
    ["bucket file a.yaml line 2: tickers.GE CO: is not a ticker (letters, digits, . - = ^ _)"],
  );
});

Deno.test("parseBucketFile() checks a CSV's header and every row", () => {
  assert.deepEqual(problemsOf(() => parseBucketFile("ticker,bucket\nGE,Cyclicals\n", "b.csv")), [
    'bucket file b.csv line 1: unknown column "bucket" (columns are ticker, sector, buckets)',
    "bucket file b.csv line 1: the header needs a ticker column and a buckets or sector column",
  ]);
  const text =
    "# mine\nticker,sector,buckets\nGE,,Cyclicals\nGE,,Value Assets\nIBM,,\nC,Financials\n";
  assert.deepEqual(problemsOf(() => parseBucketFile(text, "b.csv")), [
    "bucket file b.csv line 4: GE is given twice (first on line 3)",
    "bucket file b.csv line 5: IBM: gives neither buckets nor a sector",
    "bucket file b.csv line 6: has 2 fields, the header has 3",
  ]);
  assert.deepEqual(problemsOf(() => parseBucketFile("\n\n", "b.csv")), [
    "bucket file b.csv: the file is empty",
  ]);
});

Deno.test("readBucketFile() names a missing file", async () => {
  const problems = await problemsOfAsync(() => readBucketFile("no/such/buckets.yaml"));
  assert.deepEqual(problems, ["bucket file no/such/buckets.yaml: not found (buckets.file)"]);
});
