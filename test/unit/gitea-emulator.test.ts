import { giteaApi } from 'gitea-js';
import { describe, expect, it } from 'vitest';
import { useFakeGitea } from '../support/gitea/vitest.js';

const gitea = useFakeGitea();
const api = giteaApi('http://gitea.test', { token: 'test-token' });

describe('smoke', () => {
  it('works', async () => {
    gitea().addRepo('fleet/program');
    gitea().addIssue('fleet/program', { title: 'hello', user: 'alice', labels: ['operator-application'] });
    const { data, status } = await api.repos.issueCreateComment('fleet', 'program', 1, { body: 'hi' });
    expect(status).toBe(201);
    console.log(JSON.stringify(data, null, 1).slice(0, 400));
    const me = await api.user.userGetCurrent();
    console.log(me.data);
    console.log(gitea().requests);
  });
});
