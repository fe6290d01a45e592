/**
 * A paper portfolio's audit log: one audit run per portfolio, continued by
 * every plan, so `deno task audit timeline|why|health` read it as they read
 * a backtest's. It lives in `<output.dir>/portfolios/<name>/audit.db`, or in
 * the shared PostgreSQL store when `audit.store` is postgres. This is an edge:
 * it opens files and connections.
 *
 * @module
 */
import { join } from "node:path";
import { AuditLog } from "../audit/audit_log.ts";
import type { EventSink } from "../audit/event_sink.ts";
import { shortHash } from "../audit/ids.ts";
import { SqliteEventStore } from "../audit/sqlite_store.ts";
import type { Config } from "../config/schema.ts";
import { InputError } from "../errors.ts";
import { auditTarget } from "../run/audit_target.ts";
import type { PlanAudit } from "./plan_state.ts";

/** Where a portfolio's audit log goes, and how to open it. */
export type PortfolioAuditTarget = {
  /** A SQLite path, or `postgres schema NAME`: a state naming another target starts a new run. */
  readonly target: string;
  /** Opens (creating) the store. */
  readonly open: () => Promise<EventSink>;
};

/** The audit target of portfolio `name` under `config` (undefined when auditing is off). */
export function portfolioAuditTarget(
  config: Config,
  name: string,
): PortfolioAuditTarget | undefined {
  if (!config.audit.enabled) return undefined;
  const folder = join(config.output.dir, "portfolios", name);
  const target = auditTarget(config, folder);
  if (target.store === "postgres") {
    return {
      target: `postgres schema ${target.schema}`,
      open: async () => {
        const { PostgresEventStore } = await import("../audit/postgres_store.ts");
        return await PostgresEventStore.open({ url: target.url, schema: target.schema });
      },
    };
  }
  return {
    target: target.path,
    open: () => {
      try {
        Deno.mkdirSync(folder, { recursive: true });
      } catch (error) {
        if (
          error instanceof Deno.errors.NotCapable || error instanceof Deno.errors.PermissionDenied
        ) {
          throw new InputError(
            `cannot write ${folder}: the plan task may write audit logs only under results (see its permission set in deno.json)`,
            { cause: error },
          );
        }
        throw error;
      }
      return Promise.resolve(SqliteEventStore.open(target.path));
    },
  };
}

/** What the log of a plan needs to know about its portfolio. */
export type PortfolioAuditInit = {
  readonly name: string;
  readonly inception: string;
  readonly configHash: string;
  readonly dataHash: string;
  readonly codeVersion: string;
  /** The first day this plan records. */
  readonly asOf: string;
  readonly clock: () => number;
};

/**
 * The portfolio's log for this plan: its run resumed where the carried state
 * left it, or a new run (named after the portfolio, its inception and config,
 * so the same portfolio always gets the same id) when there is none in this
 * target yet.
 */
export async function openPortfolioLog(
  sink: EventSink,
  target: string,
  carried: PlanAudit | null,
  init: PortfolioAuditInit,
): Promise<AuditLog> {
  if (carried !== null && carried.target === target) {
    return await AuditLog.resume(sink, {
      runId: carried.runId,
      state: carried.log,
      asOf: init.asOf,
      clock: init.clock,
    });
  }
  return await AuditLog.start(sink, {
    runId: shortHash(`portfolio/${init.name}/${init.inception}/${init.configHash}`),
    configHash: init.configHash,
    dataHash: init.dataHash,
    codeVersion: init.codeVersion,
    asOf: init.asOf,
    clock: init.clock,
    metadata: { portfolio: init.name, inception: init.inception, kind: "paper portfolio" },
  });
}
