import type { ProgramConfig } from '../../config/program.js';
import type { OperatorRecord } from '../operator-record.js';
import type { Day } from '../time/day.js';

/** The targets of PROGRAM.md "Program health" (the seed's success criteria): the config's `health` section. */
export type HealthTargets = ProgramConfig['health'];

/** An operator application as the report needs it: who, when (ISO instant), referred by whom. */
export type HealthApplication = { login: string; openedAt: string; referredBy?: string };

export type MeasureId =
  | 'activeOperators'
  | 'churn'
  | 'fleetUptime'
  | 'partnerShare'
  | 'thinRegions'
  | 'withoutMentee';

export type Measure = {
  id: MeasureId;
  /** What is measured, as the table shows it. */
  name: string;
  /** The measured value as shown (`4`, `9.9% (10 left ÷ 101 active on average)`, `n/a …`). */
  value: string;
  /** The number behind `value`: a count or a percentage; undefined when it cannot be measured. */
  amount?: number;
  /** The target as shown (`3–5`, `< 10%`, `none`). */
  target: string;
  /** The target is met. A measure that cannot be computed (`n/a`) is not met: nothing shows it is. */
  ok: boolean;
  status: '✅' | '⚠️';
  /** The list behind the value (leavers, missing reports, thin regions, operators without a mentee). */
  items: string[];
  /** The heading of `items` in the report. */
  itemsTitle: string;
  /** How the value is computed, for the report's footnote. */
  definition: string;
};

/** The days an operator is on the program (UTC day numbers, both ends included; `to` unset: still on it). */
export type Period = { from: Day; to?: Day };
/** A registry record with its period; undefined when it never was on the program. */
export type Dated = { record: OperatorRecord; period: Period | undefined };
