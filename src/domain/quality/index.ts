export { type PrCommit, prCommitSchema } from './commit.js';
export { type AddedLine, addedLines } from './diff.js';
export { shannonEntropy } from './entropy.js';
export {
  findIssueReferences,
  type IssueReference,
  type IssueReferenceContext,
  issueReferenceSchema,
  referencesIssue,
} from './issue-reference.js';
export {
  formatQualityComment,
  MAX_DESCRIPTION_LENGTH,
  QUALITY_CHECKS,
  QUALITY_COMMENT_MARKER,
  QUALITY_STATUS_CONTEXT,
  type QualityCheck,
  type QualityFailure,
  type QualityResults,
  type QualityVerdict,
  qualityCheckSchema,
  qualityFailureSchema,
  qualityVerdict,
  qualityVerdictSchema,
} from './report.js';
export {
  SECRET_KIND_LABELS,
  SECRET_KINDS,
  type SecretFinding,
  type SecretKind,
  secretFindingSchema,
  secretKindSchema,
} from './secret-kind.js';
export { findSecrets } from './secrets.js';
export {
  checkSignoff,
  checkSignoffs,
  parseSigner,
  type SignoffProblem,
  type SignoffReason,
  signerMatches,
  signoffProblemSchema,
  signoffReasonSchema,
} from './signoff.js';
export { parseTrailers, type Trailer } from './trailers.js';
