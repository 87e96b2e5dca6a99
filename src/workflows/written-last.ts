import { setBy, settersSchema, writtenBefore } from '../domain/commands/written-order.js';
import { type Action, refusedLive } from '../engine/module.js';

/**
 * `action` as the one setter of the instance's value `key` (`quiz`, `tasks`, `fleet`): a command
 * written before the one that last set the value is answered as such and not run (its delivery
 * came late, or the catch-up found it: domain/commands/written-order.ts); run, it records its
 * comment as the value's setter in the instance data's `setters`. A refusal records nothing.
 */
export function setsValue(key: string, action: Action): Action {
  return (ctx) => {
    const setters = settersSchema.parse(ctx.instance.data.setters ?? {});
    const older = writtenBefore(setters, key, ctx.event.comment?.id, refusedLive(ctx));
    if (older) return older;
    const result = action(ctx);
    if (typeof result === 'string') return result;
    const command = `/${ctx.command?.name ?? key}`;
    return { ...result, data: { ...result.data, setters: setBy(setters, key, ctx.event, command) } };
  };
}
