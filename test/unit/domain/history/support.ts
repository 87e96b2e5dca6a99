import type { HistoryEvent, OperatorHistory } from '../../../../src/domain/history/events.js';

const WALLET = `0x${'ab'.repeat(20)}`;

/** An activation (one node on Base) at `at`, referred by `referrer` when given. */
export function activated(
  at: string,
  extra: Partial<Extract<HistoryEvent, { type: 'activated' }>> = {},
): HistoryEvent {
  return {
    id: `activated:${at}`,
    type: 'activated',
    at,
    handle: 'handle',
    wallet: WALLET,
    chain: 'base',
    nodes: 1,
    region: 'eu',
    applicationIssue: `fleet/program#${at}`,
    ...extra,
  } as HistoryEvent;
}

/** A voluntary exit recorded at `lastDay` (the notice's last day). */
export const exited = (lastDay: string): HistoryEvent => ({
  id: `ended:${lastDay}`,
  type: 'ended',
  kind: 'exited',
  at: lastDay,
  lastDay,
});

export const nodes = (at: string, from: string, count: number): HistoryEvent => ({
  id: `nodes:${at}:${from}:${count}`,
  type: 'nodes',
  at,
  from,
  nodes: count,
  by: 'maint',
});

export const history = (login: string, events: HistoryEvent[]): OperatorHistory => ({ login, events });
