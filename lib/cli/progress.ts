/**
 * A progress bar for long loops (ingest per ticker, ablations per run) through
 * cli-progress, drawn on stderr so that stdout keeps only data, and quiet unless
 * both stdout and stderr are terminals: piped, redirected or `--json` output
 * and tests see nothing of it.
 *
 * @module
 */
import cliProgress from "cli-progress";
import process from "node:process";

/**
 * The part of cli-progress used here, typed by hand: its published types pull
 * in an @types/node old enough to hide Deno's `node:` modules.
 */
type SingleBar = {
  start(total: number, startValue: number, payload?: Record<string, string>): void;
  increment(step: number, payload?: Record<string, string>): void;
  stop(): void;
};
type CliProgress = {
  SingleBar: new (options: Record<string, unknown>, preset: unknown) => SingleBar;
  Presets: { shades_classic: unknown };
};
const { SingleBar, Presets } = cliProgress as unknown as CliProgress;

/** A started progress bar: one `tick` per item done, `stop` at the end (also after a failure). */
export type Progress = {
  /** One more item done; `detail` (a ticker, a run name) shows beside the count. */
  readonly tick: (detail?: string) => void;
  /** Ends the bar and clears its line. */
  readonly stop: () => void;
};

/** What a progress bar draws on: a Node-style stream (process.stderr, or a test's). */
export type ProgressStream = {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
};

/** Options of {@link startProgress}. */
export type ProgressOptions = {
  /** Draw or not; default: when stdout and stderr are both terminals. */
  readonly enabled?: boolean;
  /** Where to draw; default process.stderr. */
  readonly stream?: ProgressStream;
  /** Items already done when the bar starts (a resumed sweep); default 0. */
  readonly initial?: number;
  /** Show the rate (`12.5 runs/s`, items done since the start) and the time left, naming the items. */
  readonly rate?: string;
  /** The clock of the rate, in milliseconds; default performance.now. */
  readonly now?: () => number;
};

/** Whether a progress bar is drawn by default: stdout and stderr are terminals. */
export function progressWanted(stdoutIsTerminal: boolean, stderrIsTerminal: boolean): boolean {
  return stdoutIsTerminal && stderrIsTerminal;
}

const QUIET: Progress = { tick: () => {}, stop: () => {} };

/** Starts a progress bar of `total` items labelled `label` (a no-op when not wanted). */
export function startProgress(
  total: number,
  label: string,
  options: ProgressOptions = {},
): Progress {
  const enabled = options.enabled ??
    progressWanted(Deno.stdout.isTerminal(), Deno.stderr.isTerminal());
  if (!enabled || total <= 0) return QUIET;
  const rate = options.rate;
  const bar = new SingleBar({
    format: `${label} [{bar}] {value}/{total}${
      rate === undefined ? "" : ` {rate} ${rate}/s, {eta_formatted} left`
    } {detail}`,
    stream: options.stream ?? process.stderr,
    hideCursor: true,
    clearOnComplete: true,
    barsize: 30,
  }, Presets.shades_classic);
  const now = options.now ?? (() => performance.now());
  const started = now(), initial = options.initial ?? 0;
  let done = 0;
  bar.start(total, initial, { detail: "", rate: "-" });
  let stopped = false;
  return {
    tick: (detail = "") => {
      if (stopped) return;
      done++;
      const seconds = (now() - started) / 1000;
      bar.increment(1, { detail, rate: seconds > 0 ? (done / seconds).toFixed(1) : "-" });
    },
    stop: () => {
      if (stopped) return;
      stopped = true;
      bar.stop();
    },
  };
}

/** Runs `work` on each item in order with a progress bar, stopping the bar however it ends. */
export async function withProgress<T, R>(
  items: readonly T[],
  label: string,
  work: (item: T, index: number) => Promise<R>,
  options: ProgressOptions & { readonly detail?: (item: T) => string } = {},
): Promise<R[]> {
  const progress = startProgress(items.length, label, options);
  const out: R[] = [];
  try {
    for (const [i, item] of items.entries()) {
      out.push(await work(item, i));
      progress.tick(options.detail?.(item) ?? "");
    }
  } finally {
    progress.stop();
  }
  return out;
}
