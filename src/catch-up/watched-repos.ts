/**
 * The repositories the catch-up reads: the program repository, `program.repos` and the
 * quality-checked ones, each once (Gitea names are case-insensitive). Every one of them has a hook
 * of its own (src/intake/signature.ts hookSecret) whose deliveries may be refused until `init`
 * sets its secret, and what they carried is then read here.
 */
export function watchedRepos(programRepo: string, ...others: (readonly string[])[]): string[] {
  const repos = new Map<string, string>();
  for (const repo of [programRepo, ...others.flat()]) if (repo) repos.set(repo.toLowerCase(), repo);
  return [...repos.values()];
}
