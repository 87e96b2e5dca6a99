import { GiteaError } from '../gitea/api.js';
import type { RepoRef } from '../gitea/client.js';
import { checkTeams } from '../gitea/teams.js';
import type { GiteaAdmin } from './gitea-admin.js';

/** One line of the install checklist: `fail` stops `init` and makes /readyz answer 503. */
export type Check = { id: string; status: 'ok' | 'warn' | 'fail'; message: string };

export type InstallFacts = {
  botLogin?: string;
  /** The repository's full name as Gitea has it now: its webhook's secret is derived from it (src/intake/signature.ts hookSecret). */
  fullName?: string;
  isAdmin: boolean;
  defaultBranch: string;
  empty: boolean;
};

/** The scopes the bot's token needs (Gitea ≥ 1.19 token scopes), with what each is for. */
export const NEEDED_SCOPES = {
  'read:user': 'to learn its own login (GET /user)',
  'write:issue': 'to comment, label and open issues',
  'write:repository': 'to set up the webhook, the issue forms and commit statuses',
  'read:organization': 'to check the members of maintainers.teams',
} as const;

const missingScope = (error: unknown): boolean =>
  error instanceof GiteaError &&
  error.status === 403 &&
  error.message.includes('token does not have at least one of required scope');

const scopeMessage = (scope: keyof typeof NEEDED_SCOPES) =>
  `the token lacks ${scope}, needed ${NEEDED_SCOPES[scope]}: create a token with the scopes ${Object.keys(NEEDED_SCOPES).join(', ')}`;

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * What the bot can do in `repo` with its token, asked of Gitea: the token is accepted (a 401
 * stops here: "token rejected"), has each scope of NEEDED_SCOPES (one harmless call per scope:
 * Gitea checks scopes before anything else and answers 403 naming the missing one), the bot is
 * an admin of the repo (Gitea tells only admins who the other admins are, so without it every
 * maintainer command fails with 403), and it can see each team of `maintainers.teams`.
 * Shared by `init`, `doctor` and /readyz. Never throws: an unreachable Gitea is a `fail` check.
 */
export async function runInstallChecks(
  admin: GiteaAdmin,
  target: { repo: RepoRef; teams: readonly string[]; giteaUrl: string },
): Promise<{ checks: Check[]; facts: InstallFacts }> {
  const checks: Check[] = [];
  const facts: InstallFacts = { isAdmin: false, defaultBranch: 'main', empty: true };
  const repoName = `${target.repo.owner}/${target.repo.name}`;
  const add = (id: string, status: Check['status'], message: string) => checks.push({ id, status, message });

  try {
    facts.botLogin = (await admin.currentUser()).login ?? undefined;
    add('token', 'ok', `token accepted: the bot is ${facts.botLogin} on ${target.giteaUrl}`);
  } catch (error) {
    if (error instanceof GiteaError && error.status === 401) {
      add(
        'token',
        'fail',
        `token rejected by ${target.giteaUrl} (401): create a new access token for the bot account and set GITEA_TOKEN`,
      );
    } else if (missingScope(error)) {
      add('scope:read:user', 'fail', scopeMessage('read:user'));
    } else {
      add('token', 'fail', `cannot reach Gitea at ${target.giteaUrl}: ${describe(error)} — check GITEA_URL`);
    }
    return { checks, facts };
  }
  const login = facts.botLogin ?? 'the bot';

  try {
    const repo = await admin.repository(target.repo);
    if (repo.full_name) facts.fullName = repo.full_name;
    facts.isAdmin = repo.permissions?.admin ?? false;
    facts.defaultBranch = repo.default_branch || 'main';
    facts.empty = repo.empty ?? false;
    const mode = repo.permissions?.admin ? 'admin' : repo.permissions?.push ? 'write' : 'read';
    if (facts.isAdmin) add('admin', 'ok', `${login} is an admin of ${repoName}`);
    else
      add(
        'admin',
        'fail',
        `${login} has ${mode}, not admin, on ${repoName}: every command will fail with 403 (Gitea tells only admins who the maintainers are) — make ${login} an admin collaborator of ${repoName}`,
      );
  } catch (error) {
    const status = error instanceof GiteaError ? error.status : undefined;
    if (missingScope(error)) {
      add('scope:write:repository', 'fail', scopeMessage('write:repository'));
      return { checks, facts };
    }
    add(
      'admin',
      'fail',
      status === 404
        ? `${repoName} does not exist or ${login} cannot see it — check PROGRAM_REPO / --repo and add ${login} as an admin collaborator`
        : `cannot read ${repoName}: ${describe(error)}`,
    );
    return { checks, facts };
  }

  add('scope:read:user', 'ok', 'the token has read:user');
  const probes: [keyof typeof NEEDED_SCOPES, () => Promise<unknown>][] = [
    ['write:issue', () => admin.probeIssueWrite(target.repo)],
    ['write:repository', () => admin.probeRepositoryWrite(target.repo)],
  ];
  const teamOrgs = [...new Set(target.teams.map((team) => team.split('/')[0] ?? ''))];
  if (teamOrgs.length > 0) probes.push(['read:organization', () => admin.orgTeams(teamOrgs[0] ?? '', 1)]);
  for (const [scope, probe] of probes) {
    const error = await probe().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    if (missingScope(error)) add(`scope:${scope}`, 'fail', scopeMessage(scope));
    else if (error instanceof GiteaError && error.status === 401)
      add(`scope:${scope}`, 'fail', `token rejected (401) on ${scope}`);
    else if (error !== undefined && !(error instanceof GiteaError && error.status !== undefined))
      add(`scope:${scope}`, 'fail', `cannot check ${scope}: ${describe(error)}`);
    else add(`scope:${scope}`, 'ok', `the token has ${scope}`);
  }

  try {
    for (const team of await checkTeams(admin, target.teams, login))
      add(
        `team:${team.team}`,
        team.problem ? 'fail' : 'ok',
        team.problem ?? `${login} can read the members of ${team.team}`,
      );
  } catch (error) {
    add('teams', 'fail', `maintainers.teams could not be checked: ${describe(error)}`);
  }
  return { checks, facts };
}

export const failed = (checks: readonly Check[]) => checks.filter((check) => check.status === 'fail');
