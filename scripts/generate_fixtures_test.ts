import assert from "node:assert/strict";
import { InputError } from "../lib/errors.ts";
import { main } from "./generate_fixtures.ts";

Deno.test("generate_fixtures writes the committed bytes and drops price files of unknown tickers", async () => {
  const out = await Deno.makeTempDir({ prefix: "generate_fixtures_test_" });
  try {
    await Deno.mkdir(`${out}/market`, { recursive: true });
    await Deno.writeTextFile(
      `${out}/market/GONE.csv`,
      "Date,Open,High,Low,Close,Adj Close,Volume\n",
    );
    await main(["--out", out, "--seed", "42"]);
    const committed = new URL("../fixtures/", import.meta.url);
    for (
      const path of ["MANIFEST.sha256", "market/SPY.csv", "intraday/TLT_1h.csv", "universe.json"]
    ) {
      assert.deepEqual(
        await Deno.readFile(`${out}/${path}`),
        await Deno.readFile(new URL(path, committed)),
        path,
      );
    }
    await assert.rejects(Deno.stat(`${out}/market/GONE.csv`), Deno.errors.NotFound);
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});

Deno.test("generate_fixtures rejects a seed that is not an integer and writes nothing", async () => {
  const out = await Deno.makeTempDir({ prefix: "generate_fixtures_test_" });
  try {
    await assert.rejects(main(["--out", out, "--seed", "4.2"]), InputError, "--seed");
    await assert.rejects(main(["--out", out, "--sed", "1"]), InputError);
    assert.deepEqual(await Array.fromAsync(Deno.readDir(out)), []);
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});
