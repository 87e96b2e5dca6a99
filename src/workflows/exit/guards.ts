import type { Guard } from '../../engine/module.js';
import { NOTICE_CHECKLIST } from './checklist.js';
import { type ExitData, exitData } from './data.js';
import { trustedTermination } from './termination.js';

/** Every item of the notice checklist is done by the operator and, where needed, confirmed. */
export function checklistComplete(data: ExitData): boolean {
  return Object.entries(NOTICE_CHECKLIST).every(([item, rule]) => {
    const state = data.checklist[item];
    return (!rule.byOperator || state?.done) && (!rule.byMaintainer || state?.confirmed);
  });
}

export const exitGuards: Record<string, Guard> = {
  terminationRecorded: ({ event, facts }) =>
    trustedTermination(event, facts)?.mode === 'recorded' || 'no recorded termination',
  terminationProposed: ({ event, facts }) =>
    trustedTermination(event, facts)?.mode === 'proposed' || 'no proposed termination',
  authorIsOperator: ({ facts }) =>
    facts.author?.status === 'active' || 'only an active operator can give notice',
  readyForPayout: ({ instance }) => {
    const data = exitData(instance);
    return (data.lastDayReached && checklistComplete(data)) || 'not yet';
  },
  argumentIsConfirm: ({ command }) =>
    command?.args[0]?.toLowerCase() === 'confirm' || 'write `/terminate confirm` or `/terminate cancel`.',
  argumentIsCancel: ({ command }) =>
    command?.args[0]?.toLowerCase() === 'cancel' || 'write `/terminate confirm` or `/terminate cancel`.',
};
