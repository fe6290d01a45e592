/**
 * The plan on PostgreSQL: the ledger (`ledger.store: postgres`), the audit
 * log (`audit.store: postgres`) and the research database's regimes
 * (`database.enabled`), together. Research rows before the portfolio's
 * inception must not count (a backtest starting there does not read them),
 * rows after it must; planned day by day, the portfolio trades exactly as the
 * backtest. Two writers of one portfolio: the second fails at once. Needs
 * DATABASE_URL (or DB_HOST...): skipped with a message without one, required
 * when CI=true.
 *
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import postgres from "postgres";
import { MemorySink } from "../lib/audit/event_sink.ts";
import { insertResearch } from "../lib/db/research_repository.ts";
import { initSchema } from "../lib/db/schema.ts";
import { openDatabaseServices } from "../lib/run/database_services.ts";
import { resolveStrategy } from "../lib/run/strategy_source.ts";
import { newPortfolio } from "../lib/live/create_portfolio.ts";
import { createLedger, openLedger } from "../lib/live/open_ledger.ts";
import { planPortfolio } from "../lib/live/plan_portfolio.ts";
import { portfolioAuditTarget } from "../lib/live/portfolio_audit.ts";
import { AuditLog } from "../lib/audit/audit_log.ts";
import { executeRun, prepareRun } from "../lib/run/run_from_config.ts";
import { validateConfig } from "../lib/config/load.ts";
import { canonicalJson } from "../lib/config/hash.ts";
import { fixtureStore, marketOf, storeConfig, tradingDays } from "./_plan_fixture.ts";
import { SKIP_DB_TESTS, withScratchSchema } from "./db_scratch.ts";

const env = (name: string) => Deno.env.get(name);
const START = "2013-01-02";
const END = "2013-02-28";

Deno.test({
  name:
    "a portfolio on a PostgreSQL ledger, audit log and research database plans day by day as one backtest",
  ignore: SKIP_DB_TESTS,
  fn: () =>
    withScratchSchema(async (db, schema) => {
      await initSchema(db);
      // Before inception: a long run of one regime the detector does not see, which would
      // make a transition on the first day if the plan read it; after: two days of another.
      const before = ["2012-12-24", "2012-12-26", "2012-12-27", "2012-12-28", "2012-12-31"];
      await insertResearch(db, [
        ...before.map((date) => ({ regime: "Inflation", buckets: [], date, confidence: 0.99 })),
        { regime: "Goldilocks", buckets: [], date: "2013-02-05", confidence: 0.9 },
        { regime: "Goldilocks", buckets: [], date: "2013-02-06", confidence: 0.9 },
      ]);
      const dir = await Deno.makeTempDir({ prefix: "plan-pg-" });
      const logger = { info: () => {}, warn: () => {} };
      const services = openDatabaseServices({
        enabled: true,
        env,
        logger,
        open: { searchPath: schema },
      });
      const sql = postgres(env("DATABASE_URL") ?? "", { onnotice: () => {} });
      try {
        const store = await fixtureStore(dir);
        const config = storeConfig(store, {
          database: { enabled: true },
          ledger: { store: "postgres", schema: `${schema}_ledger` },
          audit: { store: "postgres", schema: `${schema}_audit` },
          output: { dir: join(dir, "results") },
        });
        const market = await marketOf(config);
        const definition = await resolveStrategy(config.strategy.name);
        const { portfolio, state } = newPortfolio({
          name: "pg",
          config,
          market,
          definition,
          inception: START,
          clock: () => 0,
          codeVersion: "test",
        });
        assert.equal(
          await createLedger(config, portfolio, state, env),
          `postgres schema ${schema}_ledger`,
        );
        const dates = tradingDays(config, market, START, END);
        for (const date of dates) {
          const ledger = await openLedger(config, "pg", env);
          try {
            await planPortfolio({
              ledger,
              config,
              market,
              definition,
              date,
              audit: portfolioAuditTarget(config, "pg"),
              clock: () => 0,
              codeVersion: "test",
              database: services.runContext,
            });
          } finally {
            await ledger.close();
          }
        }
        const ledger = await openLedger(config, "pg", env);
        const contents = await ledger.read();

        const sink = new MemorySink();
        const run = prepareRun(
          validateConfig({
            ...JSON.parse(JSON.stringify(config)),
            run: { start: START, end: END },
          }),
          market,
          definition,
        );
        const audit = await AuditLog.start(sink, {
          configHash: "c",
          dataHash: "d",
          codeVersion: "test",
          asOf: START,
          clock: () => 0,
        });
        assert.ok(services.runContext);
        const result = await executeRun(run, {
          startedAt: "",
          codeVersion: "test",
          audit,
          database: services.runContext,
        });
        assert.ok(result.fills.length > 5);
        assert.deepEqual(contents.fills, result.fills);
        assert.deepEqual(contents.days.map((d) => d.cash), result.equity.cash);
        assert.deepEqual(contents.days.map((d) => d.value), result.equity.value);
        assert.equal(
          result.regimes?.regime[result.regimes.dates.indexOf("2013-02-05")],
          "Goldilocks",
        );
        assert.equal(result.regimes?.dates[0], START);

        // The audit log in PostgreSQL holds the backtest's decisions, session for session
        // (the regime's stability and transitions included, which rows before inception would change).
        const rows = await sql.unsafe(
          `SELECT session_id, event_type, asset, action, reason, metadata, size_after
           FROM ${schema}_audit.portfolio_events ORDER BY id`,
        );
        const planned = rows
          .map((r) => [
            Number(String(r.session_id).split("/")[1]),
            r.event_type,
            r.asset,
            r.action,
            r.reason,
            canonicalJson(r.metadata),
            r.size_after,
          ])
          .filter((r) => (r[0] as number) > 0);
        const reference = sink.events.filter((e) => e.sessionSeq > 0).map((e) => [
          e.sessionSeq,
          e.eventType,
          e.asset,
          e.action,
          e.reason,
          canonicalJson(e.metadata),
          e.sizeAfter,
        ]);
        assert.ok(reference.length > 100);
        assert.deepEqual(planned, reference);

        // A second writer while the first holds the portfolio fails at once.
        const other = await openLedger(config, "pg", env);
        let release = () => {};
        const held = ledger.write(() => new Promise<void>((resolve) => (release = resolve)));
        await new Promise((resolve) => setTimeout(resolve, 200));
        await assert.rejects(
          () => other.write(() => Promise.resolve()),
          /portfolio pg is being planned by another process/,
        );
        release();
        await held;
        await other.close();
        await ledger.close();
      } finally {
        await services.close();
        await sql.unsafe(`DROP SCHEMA IF EXISTS ${schema}_ledger CASCADE`);
        await sql.unsafe(`DROP SCHEMA IF EXISTS ${schema}_audit CASCADE`);
        await sql.end();
        await Deno.remove(dir, { recursive: true });
      }
    }),
});
