/**
 * Timing a whole `deno` process for the end-to-end benchmarks: wall time,
 * CPU time (user + system) and peak resident memory, read from GNU time
 * (`/usr/bin/time`) when it is installed (else wall time only, the rest NaN).
 *
 * @module
 */

/** One timed process. */
export type ProcessSample = {
  readonly seconds: number;
  /** User + system CPU seconds (NaN without GNU time). */
  readonly cpuSeconds: number;
  /** Maximum resident set in MB (NaN without GNU time). */
  readonly peakMb: number;
  /** What the process printed on stdout. */
  readonly stdout: string;
};

let _hasTime: boolean | undefined;

async function _gnuTime(): Promise<boolean> {
  if (_hasTime === undefined) {
    _hasTime = await Deno.stat("/usr/bin/time").then(() => true, () => false);
  }
  return _hasTime;
}

/** Runs `deno <args>` (in `cwd`, default the current folder) and times it; a failing process throws with its stderr. */
export async function timeProcess(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
  cwd?: string,
): Promise<ProcessSample> {
  const deno = Deno.execPath();
  const useTime = await _gnuTime();
  const started = performance.now();
  const out = await new Deno.Command(useTime ? "/usr/bin/time" : deno, {
    args: useTime ? ["-f", "%U %S %M", deno, ...args] : [...args],
    stdout: "piped",
    stderr: "piped",
    env,
    ...(cwd === undefined ? {} : { cwd }),
  }).output();
  const seconds = (performance.now() - started) / 1000;
  const stderr = new TextDecoder().decode(out.stderr).trim();
  if (!out.success) throw new Error(`deno ${args.join(" ")} failed:\n${stderr}`);
  const [user, system, kb] = useTime
    ? (stderr.split("\n").at(-1) ?? "").split(" ").map(Number)
    : [NaN, NaN, NaN];
  return {
    seconds,
    cpuSeconds: (user ?? NaN) + (system ?? NaN),
    peakMb: (kb ?? NaN) / 1024,
    stdout: new TextDecoder().decode(out.stdout),
  };
}

/** The median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] as number : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
