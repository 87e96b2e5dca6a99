/** The program repository and the quality-checked ones, each once (Gitea names are case-insensitive). */
export function watchedRepos(programRepo: string, qualityRepos: readonly string[]): string[] {
  const repos = new Map<string, string>();
  for (const repo of [programRepo, ...qualityRepos]) if (repo) repos.set(repo.toLowerCase(), repo);
  return [...repos.values()];
}
