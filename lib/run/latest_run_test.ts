import assert from "node:assert/strict";
import { InputError } from "../errors.ts";
import { latestRun, pointLatestRun } from "./latest_run.ts";

Deno.test("latestRun() follows the last pointLatestRun(), and says when its run is gone or there is none", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const pointer = `${dir}/latest`;
    await assert.rejects(latestRun(pointer), InputError, "does not exist yet");
    for (const name of ["first", "second"]) {
      await Deno.mkdir(`${dir}/${name}`);
      await pointLatestRun(`${dir}/${name}`, pointer);
    }
    assert.equal(await latestRun(pointer), `${dir}/second`);
    assert.deepEqual([...Deno.readDirSync(dir)].map((e) => e.name).sort(), [
      "first",
      "latest",
      "second",
    ]);
    await Deno.remove(`${dir}/second`);
    await assert.rejects(
      latestRun(pointer),
      InputError,
      `names ${dir}/second, which no longer exists`,
    );
    await Deno.writeTextFile(pointer, "a\nb\n");
    await assert.rejects(latestRun(pointer), InputError, "not a pointer to a run folder");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
