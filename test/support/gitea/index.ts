export type * from './api-types.js';
export {
  createFakeGitea,
  type FakeGitea,
  type FakeGiteaOptions,
  type IssueSeed,
  type LabelSeed,
  type TeamSeed,
  type UserSeed,
} from './fake-gitea.js';
export type { FaultSpec } from './faults.js';
export type { ContractViolation, RecordedRequest, ViolationKind } from './request-log.js';
