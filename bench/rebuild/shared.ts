export const REPO = 'fleet/program';
/** What the rebuild bench's Gitea process says once it is seeded and listening. */
export type RebuildGiteaReady = { url: string; token: string; botLogin: string };
