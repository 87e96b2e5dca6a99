import type { ApiTeam } from '../api-types.js';
import type { TeamRecord } from '../records.js';

const UNIT_NAMES = [
  'repo.code',
  'repo.issues',
  'repo.pulls',
  'repo.releases',
  'repo.wiki',
  'repo.ext_wiki',
  'repo.ext_issues',
  'repo.projects',
  'repo.packages',
  'repo.actions',
];

function unitsMap(team: TeamRecord): Record<string, string> {
  const unitMode = team.permission === 'none' ? 'read' : team.permission;
  const entries = UNIT_NAMES.map((unit) => [unit, unit.startsWith('repo.ext_') ? 'read' : unitMode] as const);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}

export function toApiTeam(team: TeamRecord): ApiTeam {
  return {
    id: team.id,
    name: team.name,
    description: team.description,
    organization: null,
    includes_all_repositories: team.includesAllRepositories,
    permission: team.permission,
    units: UNIT_NAMES,
    units_map: unitsMap(team),
    can_create_org_repo: team.permission === 'owner',
  };
}
