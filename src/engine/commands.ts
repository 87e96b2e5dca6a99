import { ISSUE_EVENTS } from './definition.js';
import type { WorkflowModule } from './module.js';

/** Built into every workflow: `/status` and `/help`. */
export const BUILT_IN_COMMANDS = ['status', 'help'] as const;

/** The commands a workflow answers (its transitions' triggers that are not events, timers or `auto`). */
export function commandNames(workflow: WorkflowModule): string[] {
  const fromTransitions = workflow.definition.transitions
    .map((t) => t.on)
    .filter(
      (on) => on !== 'auto' && !on.startsWith('timer:') && !(ISSUE_EVENTS as readonly string[]).includes(on),
    );
  return [...new Set([...BUILT_IN_COMMANDS, ...fromTransitions])];
}
