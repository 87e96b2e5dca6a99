/** What the emulator keeps of a pull request beyond its issue: commits and the unified diff. */
export interface PullSeed {
  commits: { sha: string; message: string; author: { name: string; email: string } }[];
  diff: string;
  /** Branch names, for pull requests opened through the API. */
  head?: string;
  base?: string;
}

export const pullKey = (repoId: number, number: number) => `${repoId}#${number}`;
