import { type GiteaClient, GiteaError } from './client.js';

/** A configured `org/team` as the bot can use it: its id, or why it cannot read its members. */
export type TeamAccess = { team: string; id?: number; problem?: string };

/**
 * Finds each `maintainers.teams` entry and checks the bot can read its members. Gitea lets a caller
 * see a team's members only when it is in that team, owns the org or is a site admin
 * (`reqTeamMembership`, routers/api/v1/api.go); its team search finds only the caller's own teams
 * (go-gitea/gitea#22101), so teams are found by listing the org's teams (`GET /orgs/{org}/teams`,
 * open to org members), then probed with `GET /teams/{id}/members/{bot}` (200/404: readable; 403:
 * not). Errors other than 403/404 (Gitea down) are thrown.
 */
/** The two calls the team check makes (the bot's client, or init's admin client). */
export type TeamReader = Pick<GiteaClient, 'orgTeams' | 'teamHasMember'>;

export async function checkTeams(gitea: TeamReader, teams: readonly string[], botLogin: string) {
  const results: TeamAccess[] = [];
  for (const team of teams) results.push(await checkTeam(gitea, team, botLogin));
  return results;
}

const needs = (team: string, org: string, botLogin: string) =>
  `the bot account @${botLogin} cannot read the members of team ${team}: make it a member of that team or an owner of organization ${org}`;

async function checkTeam(gitea: TeamReader, team: string, botLogin: string): Promise<TeamAccess> {
  const [org = '', name = ''] = team.split('/');
  let id: number | undefined;
  try {
    for (let page = 1; id === undefined; page++) {
      const batch = await gitea.orgTeams(org, page);
      id = batch.find((t) => t.name.toLowerCase() === name.toLowerCase())?.id;
      if (batch.length < 50) break;
    }
  } catch (error) {
    if (!(error instanceof GiteaError)) throw error;
    if (error.status === 404)
      return { team, problem: `team ${team}: there is no organization ${org} in Gitea` };
    if (error.status === 403) return { team, problem: needs(team, org, botLogin) };
    throw error;
  }
  if (id === undefined)
    return { team, problem: `team ${team} does not exist: organization ${org} has no team named ${name}` };
  try {
    await gitea.teamHasMember(id, botLogin);
    return { team, id };
  } catch (error) {
    if (error instanceof GiteaError && error.status === 403)
      return { team, problem: needs(team, org, botLogin) };
    throw error;
  }
}

/**
 * What `/readyz` and the start-up log say about `maintainers.teams`: undefined when every team is
 * readable (or none is configured), else one sentence naming each team and what the bot needs.
 */
export async function teamsProblem(
  gitea: GiteaClient,
  teams: readonly string[],
  botLogin: string | undefined,
): Promise<string | undefined> {
  if (teams.length === 0) return undefined;
  if (!botLogin) return 'the bot account is not known yet (GET /user has not answered)';
  try {
    const problems = (await checkTeams(gitea, teams, botLogin)).flatMap((t) =>
      t.problem ? [t.problem] : [],
    );
    return problems.length > 0 ? `maintainers.teams: ${problems.join('; ')}` : undefined;
  } catch (error) {
    return `maintainers.teams could not be checked: ${error instanceof Error ? error.message : String(error)}`;
  }
}
