import type { BotEvent } from '../gitea/event.js';
import type { ExitServices } from './exit/facts.js';
import type { PayrollServices } from './payroll/facts.js';

/**
 * Every look-up the workflows' `loadFacts` ask for (each declares its own in its `facts.ts`): the
 * one object the composition root builds and the worker hands to every workflow.
 */
export type FactServices = ExitServices &
  PayrollServices & {
    /** Rebuild only: the lines of `event`'s comment the live bot answered as written before a later one (src/worker/status-seen.ts). */
    answeredOlder?: (event: BotEvent) => Promise<string[]>;
  };
