import { type Termination, terminationMarker } from '../../domain/exit/termination-marker.js';
import { inert } from '../../domain/text/inert.js';
import type { Effect } from '../../engine/effects.js';

/**
 * The program issue of a termination, recorded by a maintainer or proposed by the bot on a
 * detected trigger; the exit workflow starts on it when it opens.
 */
export function proposeTermination(termination: Termination & { key: string }): Effect {
  const { key, ...marker } = termination;
  const what = termination.mode === 'recorded' ? 'Termination' : 'Termination proposed';
  const body = [
    `${what} of @${termination.login}${termination.mode === 'recorded' ? ` by @${termination.by}` : ''}.`,
    '',
    `**Reason:** ${inert(termination.reason).text}`,
  ].join('\n');
  return {
    type: 'openProgramIssue',
    key,
    issue: {
      title: `${what}: @${termination.login}`,
      body,
      labels: ['exit-notice'],
      markers: [terminationMarker(marker)],
    },
    start: true,
  };
}
