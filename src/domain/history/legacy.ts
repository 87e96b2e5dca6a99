import type { OperatorRecord } from '../operator-record.js';
import type { HistoryEvent, OperatorHistory } from './events.js';

/**
 * A registry record from before the history (one record per operator, overwritten on each
 * change) read as a one-stint history: its activation, a notice when it is `exiting`, and its
 * end when it is exited or terminated or has an `endedAt` (`endedAt` is the last active day; without it the end has
 * no last day and the payroll holds the line). Event ids start with `record:` so the same record
 * read twice is one stint.
 */
export function historyFromRecord(record: OperatorRecord): OperatorHistory {
  const events: HistoryEvent[] = [
    {
      id: `record:activated:${record.applicationIssue}`,
      type: 'activated',
      at: record.activatedAt,
      handle: record.handle,
      wallet: record.wallet,
      chain: record.chain,
      nodes: record.nodes,
      region: record.region,
      ...(record.mentor === undefined ? {} : { mentor: record.mentor }),
      ...(record.referrer === undefined ? {} : { referrer: record.referrer }),
      applicationIssue: record.applicationIssue,
    },
  ];
  // The notice's day is unknown: as before, the whole stint shows `exiting`.
  if (record.status === 'exiting')
    events.push({ id: 'record:notice', type: 'notice', at: record.activatedAt });
  // A last active day ends the stint whatever the status says, as it always did.
  const ended = record.status === 'exited' || record.status === 'terminated';
  if (ended || record.endedAt !== undefined)
    events.push({
      id: 'record:ended',
      type: 'ended',
      kind: record.status === 'terminated' ? 'terminated' : 'exited',
      at: record.activatedAt, // the recording order: its day is `lastDay`
      ...(record.endedAt === undefined ? {} : { lastDay: record.endedAt }),
    });
  return { login: record.login, events };
}
