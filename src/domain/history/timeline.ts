import { type Day, dayParts, utcDay } from '../time/day.js';
import { instantMs } from '../time/instant.js';
import { monthCalendar } from '../time/month.js';
import type { Chain } from '../wallets/chains.js';
import type { ActivatedEvent, HistoryEvent, OperatorHistory } from './events.js';

/** One stretch of active status: from an activation to its end (or still open). */
export interface Stint {
  activated: ActivatedEvent;
  activatedDay: Day;
  /** The day an exit notice was given in this stint, if one was. */
  noticeDay?: Day;
  end?: { kind: 'exited' | 'terminated'; at: string; reason?: string; lastDayAt?: string; lastDay?: Day };
}

/** A value in effect from a day on, until a later `from` replaces it. */
export interface Change<T> {
  from: Day;
  value: T;
}

export type Wallet = { wallet: string; chain: Chain };

/** A history read as stints and the node and wallet changes over time. */
export interface Timeline {
  login: string;
  stints: Stint[];
  nodes: Change<number>[];
  wallets: Change<Wallet>[];
  /** The operator's latest `/nodes N` request not followed by a maintainer's change. */
  pendingNodes?: { nodes: number; from: string; at: string };
}

/**
 * The earliest day an event recorded at `at` may take effect: the first day of the month before
 * the recording month (the month under review). Months before it are closed, so appending to
 * the history never changes them.
 */
export function earliestEffectiveDay(at: string): Day {
  const { year, month } = dayParts(utcDay(at));
  const previous = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
  return monthCalendar(previous).firstDay;
}

/** Events by recording time (stable for ties), each fact (`id`) once: the first recording wins. */
export function orderedEvents(history: OperatorHistory): HistoryEvent[] {
  const seen = new Set<string>();
  return history.events
    .filter((event) => {
      if (seen.has(event.id)) return false;
      seen.add(event.id);
      return true;
    })
    .map((event, index) => ({ event, index, ms: instantMs(event.at) }))
    .sort((a, b) => a.ms - b.ms || a.index - b.index)
    .map(({ event }) => event);
}

/**
 * Folds a history into stints and changes. An activation while a stint is open, and an end or a
 * notice with none open, are ignored (they record nothing new). A node or wallet change takes
 * effect from `from`, but never before `earliestEffectiveDay(at)`, and an end cannot take back
 * days before it either; an activation sets the application's nodes and wallet from its own day.
 */
export function timeline(history: OperatorHistory): Timeline {
  const stints: Stint[] = [];
  const nodes: Change<number>[] = [];
  const wallets: Change<Wallet>[] = [];
  let pendingNodes: Timeline['pendingNodes'];
  for (const event of orderedEvents(history)) {
    const open = stints.at(-1)?.end === undefined ? stints.at(-1) : undefined;
    const day = utcDay(event.at);
    const effective = (from: string) => Math.max(utcDay(from), earliestEffectiveDay(event.at));
    switch (event.type) {
      case 'activated':
        if (open) break;
        stints.push({ activated: event, activatedDay: day });
        nodes.push({ from: day, value: event.nodes });
        wallets.push({ from: day, value: { wallet: event.wallet, chain: event.chain } });
        break;
      case 'notice':
        if (open && open.noticeDay === undefined) open.noticeDay = day;
        break;
      case 'ended':
        if (open) open.end = endOf(event, Math.max(open.activatedDay, earliestEffectiveDay(event.at)));
        break;
      case 'nodes':
        nodes.push({ from: effective(event.from), value: event.nodes });
        pendingNodes = undefined;
        break;
      case 'nodes-requested':
        pendingNodes = { nodes: event.nodes, from: event.from, at: event.at };
        break;
      case 'wallet':
        wallets.push({ from: effective(event.from), value: { wallet: event.wallet, chain: event.chain } });
        break;
    }
  }
  return { login: history.login, stints, nodes, wallets, ...(pendingNodes ? { pendingNodes } : {}) };
}

/**
 * The stint's end, its last active day no earlier than `earliest`: the activation day (one
 * active day), or — for an end recorded late — `earliestEffectiveDay(at)`, so closed months
 * keep their lines (days, status and bonuses) as they were paid.
 */
function endOf(event: Extract<HistoryEvent, { type: 'ended' }>, earliest: Day): Stint['end'] {
  const lastDay = event.lastDay === undefined ? undefined : Math.max(utcDay(event.lastDay), earliest);
  return {
    kind: event.kind,
    at: event.at,
    ...(event.reason === undefined ? {} : { reason: event.reason }),
    ...(event.lastDay === undefined ? {} : { lastDayAt: event.lastDay, lastDay }),
  };
}

/**
 * The value in effect on `day`: the change with the latest `from` on or before it (of two with
 * the same `from`, the one recorded later); undefined before the first change.
 */
export function valueOn<T>(changes: readonly Change<T>[], day: Day): T | undefined {
  let best: Change<T> | undefined;
  for (const change of changes)
    if (change.from <= day && (best === undefined || change.from >= best.from)) best = change;
  return best?.value;
}

/** The days from `first` to `last` split where the value changes: `[{ first, last, value }]`. */
export function segments<T>(
  changes: readonly Change<T>[],
  first: Day,
  last: Day,
  fallback: T,
): { first: Day; last: Day; value: T }[] {
  const cuts = [...new Set(changes.map((c) => c.from).filter((from) => from > first && from <= last))].sort(
    (a, b) => a - b,
  );
  const starts = [first, ...cuts];
  const parts: { first: Day; last: Day; value: T }[] = [];
  for (const [index, start] of starts.entries()) {
    const value = valueOn(changes, start) ?? fallback;
    const end = (starts[index + 1] ?? last + 1) - 1;
    const previous = parts.at(-1);
    if (previous && Object.is(previous.value, value)) previous.last = end;
    else parts.push({ first: start, last: end, value });
  }
  return parts;
}
