import assert from "node:assert/strict";
import { buildReport } from "./build_report.ts";
import { writeReport } from "./write_report.ts";
import { syntheticRunResult } from "./testdata/synthetic_run_result.ts";

const RESULT = syntheticRunResult({ assets: 5, days: 120 });

Deno.test("writeReport() writes the bytes buildReport() gives and leaves no partial file", async () => {
  const dir = await Deno.makeTempDir({ prefix: "report_write_" });
  try {
    const written = await writeReport(`${dir}/report.html`, RESULT);
    const html = buildReport(RESULT);
    assert.equal(await Deno.readTextFile(`${dir}/report.html`), html);
    assert.equal(written.bytes, new TextEncoder().encode(html).length);
    assert.deepEqual((await Array.fromAsync(Deno.readDir(dir))).map((e) => e.name), [
      "report.html",
    ]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("writeReport() into a missing folder throws and writes nothing", async () => {
  const dir = await Deno.makeTempDir({ prefix: "report_write_" });
  try {
    await assert.rejects(writeReport(`${dir}/missing/report.html`, RESULT), Deno.errors.NotFound);
    assert.deepEqual(await Array.fromAsync(Deno.readDir(dir)), []);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
