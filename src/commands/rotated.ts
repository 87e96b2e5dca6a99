import { formatUtc } from '../domain/time/format.js';
import { addMs } from '../domain/time/instant.js';
import type { ProgramCommand } from './command.js';

/** `/rotated [NOTE]` — an operator rotated their access tokens (Security Rules: every 90 days). */
export const rotatedCommand: ProgramCommand = {
  name: 'rotated',
  help: '/rotated [note] — you rotated your credentials now (due every {standards.rotationDays} days)',
  roles: ['operator'],
  run: ({ event, config }) => {
    const next = addMs(event.at, config.standards.rotationDays * 86_400_000);
    return {
      reply: `credential rotation recorded for @${event.actor}; the next one is due by ${formatUtc(next)}.`,
      effects: [{ type: 'recordRotation', login: event.actor, at: event.at }],
    };
  },
};
