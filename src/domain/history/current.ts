import type { OperatorRecord } from '../operator-record.js';
import type { OperatorHistory } from './events.js';
import { timeline } from './timeline.js';

/**
 * The registry record as it stands at the end of the history: the latest stint's application
 * data, the latest node count and wallet (the change with the latest effective day), its status
 * and, when it ended, its last active day. Undefined when the operator was never activated.
 */
export function currentRecord(history: OperatorHistory): OperatorRecord | undefined {
  const read = timeline(history);
  const stint = read.stints.at(-1);
  if (!stint) return undefined;
  const latest = <T>(changes: { from: number; value: T }[]) =>
    changes.reduce((best, change) => (change.from >= best.from ? change : best)).value;
  const { wallet, chain } = latest(read.wallets);
  const { activated, end } = stint;
  const status = end ? end.kind : stint.noticeDay === undefined ? 'active' : 'exiting';
  return {
    login: history.login,
    handle: activated.handle,
    wallet,
    chain,
    nodes: latest(read.nodes),
    region: activated.region,
    activatedAt: activated.at,
    ...(activated.mentor === undefined ? {} : { mentor: activated.mentor }),
    ...(activated.referrer === undefined ? {} : { referrer: activated.referrer }),
    status,
    ...(end?.lastDayAt === undefined ? {} : { endedAt: end.lastDayAt }),
    applicationIssue: activated.applicationIssue,
    stints: read.stints.length,
    ...(read.pendingNodes ? { pendingNodes: read.pendingNodes } : {}),
  };
}
