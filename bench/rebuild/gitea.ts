// The Gitea emulator for the rebuild bench, in its own process (Gitea is another server: its
// work must not be counted as the bot's), seeded with `issues` applications and their commands.
import { startHttpGitea } from '../../test/support/gitea-http.js';
import { completeForm } from '../../test/support/workflows.js';
import { onStop, tell } from '../lib/child.js';
import { REPO, type RebuildGiteaReady } from './shared.js';

const issues = Number(process.argv[2] ?? 1000);
const server = await startHttpGitea();
const { gitea } = server;
gitea.addRepo(REPO);
gitea.addUser('maint');
gitea.setPermission(REPO, 'maint', 'admin');
for (let i = 0; i < issues; i++) {
  const login = `applicant${i}`;
  gitea.addUser(login);
  const issue = gitea.addIssue(REPO, {
    title: `Application ${i}`,
    body: completeForm,
    user: login,
    labels: ['operator-application'],
  });
  gitea.addComment(REPO, issue.number, { user: 'maint', body: '/approve' });
  gitea.addComment(REPO, issue.number, { user: login, body: '/module 1' });
}
void tell({ url: server.url, token: gitea.token, botLogin: gitea.botLogin } satisfies RebuildGiteaReady);
onStop(() => server.close());
