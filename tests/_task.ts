/**
 * Runs a script the way its `deno task` does: `deno run -P=<set>` with the
 * permission set from deno.json, from the repository root.
 *
 * @module
 */
import { join } from "node:path";

/** The repository root (a path). */
export const REPO: string = new URL("../", import.meta.url).pathname;

/** What a finished script printed and returned. */
export type TaskRun = { readonly code: number; readonly stdout: string; readonly stderr: string };

/** Runs `scripts/<script>.ts args` under permission set `set`, quietly, with extra `env`. */
export async function runTask(
  set: string,
  script: string,
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<TaskRun> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--quiet", `-P=${set}`, join(REPO, "scripts", `${script}.ts`), ...args],
    cwd: REPO,
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1", ...env },
  }).output();
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: out.code, stdout: decode(out.stdout), stderr: decode(out.stderr) };
}

/** A fresh folder under results/ (the only place the backtest may write), removed by `cleanup`. */
export async function resultsScratch(
  prefix: string,
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  await Deno.mkdir(join(REPO, "results"), { recursive: true });
  const abs = await Deno.makeTempDir({ dir: join(REPO, "results"), prefix: `${prefix}-` });
  const dir = abs.slice(REPO.length);
  return { dir, cleanup: () => Deno.remove(abs, { recursive: true }) };
}

/** Every file under a folder, as paths relative to it (empty when the folder is missing). */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(d: string, prefix: string) {
    for await (const e of Deno.readDir(d)) {
      if (e.isDirectory) await walk(join(d, e.name), `${prefix}${e.name}/`);
      else out.push(`${prefix}${e.name}`);
    }
  }
  try {
    await walk(join(REPO, dir), "");
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  return out.sort();
}
