import { setBy, settersSchema, writtenBefore } from '../domain/commands/written-order.js';
import { type Action, type DecideContext, refusedLive } from '../engine/module.js';

/** Which value a command sets (`quiz`, `severity`, `hold:bob`; undefined: none it names), and how its refusal quotes it. */
type Setter = { key: (ctx: DecideContext) => string | undefined; command: (ctx: DecideContext) => string };

/**
 * `action` as the one setter of an instance's value (`quiz`: the key, quoted `/quiz`; or a Setter):
 * a command written before the one that last set the value is answered as such and not run (its
 * delivery came late, or the catch-up found it: domain/commands/written-order.ts); run, it records
 * its comment as the value's setter in the instance data's `setters`, also when it found the value
 * already so (an older command handled after it must not change it). A refusal records nothing.
 */
export function setsValue(setter: string | Setter, action: Action): Action {
  const { key, command } =
    typeof setter === 'string'
      ? { key: () => setter, command: (ctx: DecideContext) => `/${ctx.command?.name ?? setter}` }
      : setter;
  return (ctx) => {
    const value = key(ctx);
    if (value === undefined) return action(ctx);
    const setters = settersSchema.parse(ctx.instance.data.setters ?? {});
    const older = writtenBefore(setters, value, ctx.event.comment?.id, refusedLive(ctx));
    if (older) return older;
    const result = action(ctx);
    if (typeof result === 'string') return result;
    return { ...result, data: { ...result.data, setters: setBy(setters, value, ctx.event, command(ctx)) } };
  };
}
