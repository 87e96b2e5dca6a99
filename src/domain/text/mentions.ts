import type { ProgramConfig } from '../../config/program.js';

/**
 * Who a maintainer's task is for, as Gitea handles: the configured users, then the teams
 * (`org/team`, which Gitea expands to the team's members when mentioned). Empty when none is
 * configured: the bot then has nobody it can notify.
 */
export const maintainerHandles = (config: ProgramConfig): string[] => [
  ...config.maintainers.users,
  ...config.maintainers.teams,
];

/** `@ann @fleet/maintainers`, or "the maintainers" when none is configured (nobody to mention). */
export function mentionMaintainers(config: ProgramConfig): string {
  const handles = maintainerHandles(config);
  return handles.length > 0 ? handles.map((h) => `@${h}`).join(' ') : 'the maintainers';
}
