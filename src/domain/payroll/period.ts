import type { Day } from '../time/day.js';

/**
 * How the operator's active time ends in this month:
 * - `none`: still active at the month's end;
 * - `exit`: its last active day is in the month and it was not terminated;
 * - `terminated-for-cause`: terminated with its last active day in the month;
 * - `missing-end-date`: an old registry record says exited/terminated without `endedAt`;
 *   treated as active to the month's end, and the line is held.
 */
export type Ending = 'none' | 'exit' | 'terminated-for-cause' | 'missing-end-date';

/** Days of the period with one node count, both ends counted. */
export interface NodeSegment {
  first: Day;
  last: Day;
  nodes: number;
}

/** The part of the month one stint was active in, both ends counted. */
export interface ActivePeriod {
  /** The stint's activation day. */
  activatedDay: Day;
  firstDay: Day;
  lastDay: Day;
  activeDays: number;
  ending: Ending;
  status: 'active' | 'exiting' | 'exited' | 'terminated';
  /** Which line of the operator this is: the login key, or `login@YYYY-MM-DD` for a later stint in the same month. */
  key: string;
  /** The node counts over the period, in day order (one segment when the count did not change). */
  nodeSegments: NodeSegment[];
  /**
   * The month of active status this is for the operator, over every stint ever (1 = the first
   * calendar month it was active on any day); the partner commission window counts these.
   */
  activeMonthIndex: number;
}
