import type { ProgramConfig } from '../../config/program.js';
import type { ProgramIssue } from '../../gitea/program-issues.js';
import type { OperatorRecord } from '../operator-record.js';
import { DAY_MS } from '../time/day.js';
import { formatUtc } from '../time/format.js';
import { addMs } from '../time/instant.js';
import { isoWeekOf } from '../time/iso-week.js';

export type RotationStatus = {
  login: string;
  lastRotation: string;
  dueAt: string;
  stage: 'soon' | 'overdue';
};

/**
 * Who must rotate credentials: due soon (≥ rotationWarnDays since the last rotation) or overdue
 * (> rotationDays). Activation counts as the first rotation. Pure.
 */
export function rotationStatuses(
  now: string,
  operators: readonly OperatorRecord[],
  rotations: Readonly<Record<string, string>>,
  config: ProgramConfig,
): RotationStatus[] {
  const { rotationDays, rotationWarnDays } = config.standards;
  return operators
    .filter((o) => o.status === 'active' || o.status === 'exiting')
    .flatMap((operator): RotationStatus[] => {
      const lastRotation = rotations[operator.login.toLowerCase()] ?? operator.activatedAt;
      const age = Date.parse(now) - Date.parse(lastRotation);
      const dueAt = addMs(lastRotation, rotationDays * DAY_MS);
      if (age > rotationDays * DAY_MS)
        return [{ login: operator.login, lastRotation, dueAt, stage: 'overdue' as const }];
      if (age >= rotationWarnDays * DAY_MS)
        return [{ login: operator.login, lastRotation, dueAt, stage: 'soon' as const }];
      return [];
    })
    .sort((a, b) => a.login.localeCompare(b.login));
}

/** The week's rotation issue and one mention per operator, stage and rotation (never repeated). */
export function rotationReminders(now: string, statuses: readonly RotationStatus[], config: ProgramConfig) {
  const week = isoWeekOf(new Date(now));
  const line = (s: RotationStatus) =>
    `- @${s.login} — last rotation ${formatUtc(s.lastRotation)}, ${s.stage === 'overdue' ? '**overdue** since' : 'due by'} ${formatUtc(s.dueAt)}`;
  const issue: ProgramIssue = {
    title: `Credential rotation ${week}`,
    body: [
      `### Credential rotation · ${week}`,
      '',
      `Access tokens are rotated every ${config.standards.rotationDays} days (Security Rules). Rotate, then comment \`/rotated\` in any issue.`,
      '',
      ...statuses.map(line),
    ].join('\n'),
    labels: ['credentials'],
  };
  const notes = statuses.map((s) => ({
    key: `rotation-${s.login.toLowerCase()}-${s.stage}-${s.lastRotation.slice(0, 10)}`,
    body:
      s.stage === 'overdue'
        ? `@${s.login}: your credential rotation is overdue (last one ${formatUtc(s.lastRotation)}). Please rotate now and comment \`/rotated\`.`
        : `@${s.login}: your credentials are due for rotation by ${formatUtc(s.dueAt)}. Rotate and comment \`/rotated\`.`,
  }));
  return { key: `credentials-${week}`, issue, notes };
}
