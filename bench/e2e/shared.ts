export const REPO = 'fleet/program';
export type Applicant = { login: string; number: number; id: number; body: string };
export type GiteaReady = { url: string; token: string; applicants: Applicant[] };
/** Issues with a status comment, and when each reply (by the id of the comment it answers) arrived. */
export type GiteaProgress = { statusComments: number; replies: [number, number][] };

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes. */
export const now = () => performance.timeOrigin + performance.now();
