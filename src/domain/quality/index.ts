export type { PrCommit } from './commit.js';
export { addedLines } from './diff.js';
export { shannonEntropy } from './entropy.js';
export { findIssueReferences, referencesIssue } from './issue-reference.js';
export {
  formatQualityComment,
  QUALITY_COMMENT_MARKER,
  QUALITY_STATUS_CONTEXT,
  type QualityResults,
  qualityVerdict,
  qualityVerdictSchema,
} from './report.js';
export { type SecretFinding, type SecretKind, secretFindingSchema } from './secret-kind.js';
export { findSecrets } from './secrets.js';
export { checkSignoff, checkSignoffs, type SignoffProblem } from './signoff.js';
export { parseTrailers } from './trailers.js';
