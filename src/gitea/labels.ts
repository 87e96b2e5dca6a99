import { fallbackLabelSpec, type LabelSpec } from './bot-labels.js';
import type { GiteaClient, Label, RepoRef } from './client.js';

/** Repo labels by name, created on first need (as `specs` describes them); cached per repo for the process. */
export function createLabelCatalog(gitea: GiteaClient, specs: readonly LabelSpec[] = []) {
  const specByName = new Map(specs.map((spec) => [spec.name, spec]));
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
      try {
        const created = await gitea.createLabel(repo, specByName.get(name) ?? fallbackLabelSpec(name));
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
