import type { ProgramConfig } from '../../config/program.js';
import { maintainerHandles } from '../../domain/text/mentions.js';
import type { Ask } from '../../engine/asks.js';
import { NOTICE_CHECKLIST, TERMINATION_CHECKLIST } from './checklist.js';
import type { ExitData } from './data.js';

/**
 * What each exit state asks, of whom: in the notice period the operator marks the checklist
 * items done and maintainers verify them; at payout maintainers record the final payment; a
 * proposed termination waits for a maintainer's decision.
 */
export function exitAsks(state: string, data: ExitData, config: ProgramConfig): Ask[] {
  const maintainers = maintainerHandles(config);
  const rules = data.kind === 'termination' ? TERMINATION_CHECKLIST : NOTICE_CHECKLIST;
  const items = Object.entries(rules);
  if (state === 'notice') {
    const toDo = items.filter(([item, rule]) => rule?.byOperator && !data.checklist[item]?.done);
    const toVerify = items.filter(
      ([item, rule]) =>
        rule?.byMaintainer &&
        !data.checklist[item]?.confirmed &&
        (!rule.byOperator || data.checklist[item]?.done),
    );
    const list = (entries: typeof items) => entries.map(([item]) => `\`${item}\``).join(', ');
    return [
      ...(toDo.length > 0
        ? [
            {
              key: 'done',
              who: [data.operator],
              role: 'the operator',
              text: `mark each checklist item done with \`/done ITEM\`: ${list(toDo)}.`,
            },
          ]
        : []),
      ...(toVerify.length > 0
        ? [
            {
              key: `confirm-${toVerify.map(([item]) => item).join('-')}`,
              who: maintainers,
              role: 'a maintainer',
              text: `verify the done items with \`/confirm ITEM\`: ${list(toVerify)}.`,
            },
          ]
        : []),
    ];
  }
  if (state === 'payout')
    return [
      {
        key: 'paid',
        who: maintainers,
        role: 'a maintainer',
        text: 'send the final payment shown above and record it with `/paid TX`.',
      },
    ];
  if (state === 'proposed')
    return [
      {
        key: 'decide',
        who: maintainers,
        role: 'a maintainer',
        text: 'decide on the proposed termination: `/terminate confirm` or `/terminate cancel`.',
      },
    ];
  return [];
}
