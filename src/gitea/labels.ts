import type { GiteaClient, Label, RepoRef } from './client.js';

const SCOPE_COLORS: Record<string, string> = {
  onboarding: '#1d76db',
  alert: '#d93f0b',
  severity: '#b60205',
  exit: '#5319e7',
  payroll: '#0e8a16',
};

/** Repo labels by name, created on first need; cached per repo for the process. */
export function createLabelCatalog(gitea: GiteaClient) {
  const byRepo = new Map<string, Promise<Map<string, Label>>>();

  const load = (repo: RepoRef) => {
    const key = `${repo.owner}/${repo.name}`;
    let labels = byRepo.get(key);
    if (!labels) {
      labels = gitea.repoLabels(repo).then((list) => new Map(list.map((label) => [label.name ?? '', label])));
      labels.catch(() => byRepo.delete(key));
      byRepo.set(key, labels);
    }
    return labels;
  };

  const forget = (repo: RepoRef) => byRepo.delete(`${repo.owner}/${repo.name}`);

  return {
    async ensure(repo: RepoRef, name: string): Promise<Label> {
      const labels = await load(repo);
      const existing = labels.get(name);
      if (existing) return existing;
      const scope = name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : name;
      try {
        const created = await gitea.createLabel(repo, {
          name,
          color: SCOPE_COLORS[scope] ?? '#ededed',
          description: `Set by operator-bot (${scope})`,
          exclusive: name.includes('/'),
        });
        labels.set(name, created);
        return created;
      } catch (error) {
        // Another worker may have created it meanwhile: read the repo's labels again.
        forget(repo);
        const fresh = (await load(repo)).get(name);
        if (fresh) return fresh;
        throw error;
      }
    },
    forget,
  };
}

export type LabelCatalog = ReturnType<typeof createLabelCatalog>;
