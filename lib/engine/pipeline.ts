/**
 * The stage pipeline: a strategy's rebalance as an ordered list of small,
 * pure stages, in the spirit of bt's algo stacks. A stage names what it needs
 * from the context and what it adds; {@link pipeline} stacks them so that a
 * stage placed before the stage that provides its needs fails to compile. A
 * stage may skip with a reason (bt's `return False`): the rest of the
 * pipeline does not run and the reason is reported.
 *
 * @module
 */

/** A stage's decision to stop the pipeline, with the reason for the audit log. */
export type Skip = { readonly skip: true; readonly stage: string; readonly reason: string };

/** One step: a named, pure function from the context it needs to what it adds. */
export type Stage<Needs extends object, Adds extends object> = {
  readonly name: string;
  readonly run: (ctx: Needs) => Adds | Skip;
};

/** What running a pipeline gives: the full context, or the skip that stopped it. */
export type PipelineOutcome<Ctx> =
  | { readonly ok: true; readonly ctx: Ctx; readonly ran: readonly string[] }
  | { readonly ok: false; readonly skip: Skip; readonly ran: readonly string[] };

/** A typed stack of stages over a base context `Base`, building up `Ctx`. */
export type Pipeline<Base extends object, Ctx extends object> = {
  /** Names of the stages, in order. */
  readonly names: readonly string[];
  /** Adds a stage whose needs the context so far must satisfy. */
  readonly then: <Adds extends object>(stage: Stage<Ctx, Adds>) => Pipeline<Base, Ctx & Adds>;
  /** Runs every stage in order from `base`, stopping at the first skip. */
  readonly run: (base: Base) => PipelineOutcome<Ctx>;
};

/** Builds a skip; stages return it to stop the pipeline. */
export function skip(stage: string, reason: string): Skip {
  return { skip: true, stage, reason };
}

function _isSkip(value: object): value is Skip {
  return (value as Partial<Skip>).skip === true;
}

type AnyStage = Stage<object, object>;

function _build<Base extends object, Ctx extends object>(
  stages: readonly AnyStage[],
): Pipeline<Base, Ctx> {
  return {
    names: stages.map((s) => s.name),
    then: <Adds extends object>(stage: Stage<Ctx, Adds>) =>
      _build<Base, Ctx & Adds>([...stages, stage as unknown as AnyStage]),
    run: (base: Base) => {
      let ctx: object = base;
      const ran: string[] = [];
      for (const stage of stages) {
        const out = stage.run(ctx);
        ran.push(stage.name);
        if (_isSkip(out)) return { ok: false, skip: out, ran };
        ctx = { ...ctx, ...out };
      }
      return { ok: true, ctx: ctx as Ctx, ran };
    },
  };
}

/**
 * Starts a pipeline over a base context.
 *
 * @example Stages stack in order; a skip stops the rest
 * ```ts
 * import assert from "node:assert/strict";
 * import { pipeline, skip, type Stage } from "./pipeline.ts";
 *
 * const double: Stage<{ x: number }, { y: number }> = { name: "double", run: (c) => ({ y: c.x * 2 }) };
 * const guard: Stage<{ y: number }, object> = {
 *   name: "guard",
 *   run: (c) => (c.y > 10 ? skip("guard", `y ${c.y} is above 10`) : {}),
 * };
 * const p = pipeline<{ x: number }>().then(double).then(guard);
 * const ok = p.run({ x: 3 });
 * assert.ok(ok.ok && ok.ctx.y === 6);
 * const stopped = p.run({ x: 7 });
 * assert.ok(!stopped.ok && stopped.skip.reason === "y 14 is above 10");
 * ```
 */
export function pipeline<Base extends object>(): Pipeline<Base, Base> {
  return _build<Base, Base>([]);
}
