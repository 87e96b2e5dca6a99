export type * from './api-types.js';
export { createFakeGitea, type FakeGitea, type FakeGiteaOptions } from './fake-gitea.js';
export type { FaultSpec } from './faults.js';
export type { ContractViolation, RecordedRequest, ViolationKind } from './request-log.js';
export type { IssueSeed, LabelSeed, RepoSeed, TeamSeed, UserSeed } from './seeds.js';
