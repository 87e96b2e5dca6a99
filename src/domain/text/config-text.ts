import type { ProgramConfig } from '../../config/program.js';
import { configValueAt } from '../../config/value-at.js';
import { formatDuration } from '../time/duration.js';
import { formatWeeklyAt, type WeeklyAt } from '../time/format.js';

const PLACEHOLDER = /\{(?:(duration|weekly):)?([a-zA-Z]+(?:\.[a-zA-Z]+)+)\}/g;

/**
 * A fixed text (a command's help) with its numbers taken from the config, so a text never says
 * "90 days" when the config says 30: `{standards.rotationDays}` → `90`,
 * `{duration:standards.pingResponse}` → `1d`, `{weekly:reports.dueWeekly}` → `Monday 09:00 UTC`.
 * Throws on a path the config does not have (a typo would otherwise reach a comment).
 */
export function fillConfig(text: string, config: ProgramConfig): string {
  return text.replace(PLACEHOLDER, (_, format: string | undefined, path: string) => {
    const value = configValueAt(config, path);
    if (value === undefined) throw new Error(`text refers to config path ${path}, which does not exist`);
    if (format === 'duration') return formatDuration(value as number);
    if (format === 'weekly') return formatWeeklyAt(value as WeeklyAt);
    return String(value);
  });
}
