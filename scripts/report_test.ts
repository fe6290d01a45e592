import assert from "node:assert/strict";
import { InputError } from "../lib/errors.ts";
import { buildReport } from "../lib/report/mod.ts";
import { syntheticRunResult } from "../lib/report/testdata/synthetic_run_result.ts";
import { pointLatestRun } from "../lib/run/latest_run.ts";
import { main } from "./report.ts";

const RESULT = syntheticRunResult({ assets: 5, days: 120 });

async function withFolder(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "report_script_" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

async function names(dir: string): Promise<string[]> {
  return (await Array.fromAsync(Deno.readDir(dir))).map((e) => e.name).sort();
}

Deno.test("report script writes report.html beside the result, the same bytes as buildReport()", async () => {
  await withFolder(async (dir) => {
    await Deno.writeTextFile(`${dir}/result.json`, JSON.stringify(RESULT));
    await main([`${dir}/result.json`]);
    assert.equal(
      await Deno.readTextFile(`${dir}/report.html`),
      buildReport(JSON.parse(JSON.stringify(RESULT))),
    );
  });
});

Deno.test("report script takes a run folder and --out", async () => {
  await withFolder(async (dir) => {
    await Deno.writeTextFile(`${dir}/result.json`, JSON.stringify(RESULT));
    await main([dir, "--out", `${dir}/elsewhere.html`]);
    assert.deepEqual(await names(dir), ["elsewhere.html", "result.json"]);
  });
});

Deno.test("report script refuses bad input with one line and writes nothing", async () => {
  await withFolder(async (dir) => {
    await Deno.writeTextFile(`${dir}/text.json`, "hello");
    await Deno.writeTextFile(`${dir}/other.json`, JSON.stringify({ name: "not a result" }));
    await Deno.writeTextFile(`${dir}/v3.json`, JSON.stringify({ ...RESULT, version: 3 }));
    const cases: [string[], string][] = [
      [[`${dir}/missing.json`], "no such file"],
      [[`${dir}/text.json`], "not JSON"],
      [[`${dir}/other.json`], "not a run result"],
      [[`${dir}/v3.json`], "result version 3 is not supported"],
      [[dir, dir], "expected one result file or run folder"],
      [[`${dir}/v3.json`, "--colour"], "bad command line"],
    ];
    for (const [args, message] of cases) await assert.rejects(main(args), InputError, message);
    assert.deepEqual(await names(dir), ["other.json", "text.json", "v3.json"]);
  });
});

Deno.test("report script refuses an --out folder that does not exist, writing nothing", async () => {
  await withFolder(async (dir) => {
    await Deno.writeTextFile(`${dir}/result.json`, JSON.stringify(RESULT));
    await assert.rejects(main([dir, "--out", `${dir}/no/report.html`]), InputError, "--out");
    assert.deepEqual(await names(dir), ["result.json"]);
  });
});

Deno.test("report script without a path reads the run results/latest names, or says there is none", async () => {
  await withFolder(async (dir) => {
    const run = `${dir}/sma-cross-1a2b3c4d-5e6f7a8b`;
    await Deno.mkdir(run);
    await Deno.writeTextFile(`${run}/result.json`, JSON.stringify(RESULT));
    await assert.rejects(
      main([], `${dir}/latest`),
      InputError,
      `no run to read: ${dir}/latest does not exist yet (deno task backtest writes it)`,
    );
    await pointLatestRun(run, `${dir}/latest`);
    await main([], `${dir}/latest`);
    assert.deepEqual(await names(run), ["report.html", "result.json"]);
  });
});
