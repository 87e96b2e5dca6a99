import type { OperatorRecord } from '../operator-record.js';
import { measure } from './common.js';
import type { HealthTargets, Measure } from './types.js';

/** Active certified operators at the month's end (`activeAtEnd`), against `targets.activeOperators` (both bounds included). */
export function activeOperatorsMeasure(activeAtEnd: OperatorRecord[], targets: HealthTargets): Measure {
  const { min, max } = targets.activeOperators;
  const count = activeAtEnd.length;
  return measure({
    id: 'activeOperators',
    name: 'Active certified operators',
    value: String(count),
    amount: count,
    target: min === max ? `${min}` : `${min}–${max}`,
    ok: count >= min && count <= max,
    items: [],
    itemsTitle: 'Active operators',
    definition: 'operators on the program after the last day of the month (those in their notice included).',
  });
}
