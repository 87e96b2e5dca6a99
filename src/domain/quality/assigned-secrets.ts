import type { Assignment } from './assignments.js';
import { shannonEntropy } from './entropy.js';
import { isPlaceholder, isTooRegular } from './placeholder.js';
import type { SecretKind } from './secret-kind.js';
import { AWS_SECRET_NAME, isCredentialName, isSecretName } from './secret-names.js';

/**
 * What a value assigned to a name is, when it is a secret:
 * - `gitea-token`: exactly 40 lower-case hex (Gitea's token shape, and a git sha's, hence the name rule);
 * - `aws-secret-access-key`: 40 base64 characters assigned to an AWS secret name;
 * - `high-entropy-assignment`: at least 20 characters, no spaces, Shannon entropy ≥ 4.0 bits per
 *   character (≥ 3.0 for hex of at least 32 digits, whose alphabet caps entropy at 4), assigned to a
 *   secret-like name; not a placeholder, URL without a password, file path, digest (`sha512-…`,
 *   `sha256:…`) or, unquoted, a code expression (`config.token`, `getToken()`).
 */
const MIN_ENTROPY_LENGTH = 20;
const MIN_ENTROPY_BITS = 4.0;
const MIN_HEX_LENGTH = 32;
const MIN_HEX_ENTROPY_BITS = 3.0;

const GITEA_TOKEN = /^[0-9a-f]{40}$/;
const AWS_SECRET = /^[A-Za-z0-9/+]{40}$/;
const URL = /^[a-z][a-z0-9+.-]*:\/\//i;
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^\s/@]*:[^\s/@]+@/i;
const PATH = /^(?:\/|\.{1,2}\/|~\/|[A-Za-z]:\\)/;
const DIGEST = /^(?:sha(?:1|224|256|384|512)|md5)[-:]/i;
const CODE_EXPRESSION = /[([]|^[A-Za-z_$]+(?:\.[A-Za-z_$]+)*$/;
const HEX = /^[0-9a-fA-F]+$/;

function looksRandom(value: string): boolean {
  if (value.length < MIN_ENTROPY_LENGTH || /\s/.test(value)) return false;
  const bits = shannonEntropy(value);
  return (
    bits >= MIN_ENTROPY_BITS ||
    (HEX.test(value) && value.length >= MIN_HEX_LENGTH && bits >= MIN_HEX_ENTROPY_BITS)
  );
}

function isNotASecretValue(assignment: Assignment): boolean {
  const { value } = assignment;
  return (
    isPlaceholder(value) ||
    (URL.test(value) && !URL_WITH_PASSWORD.test(value)) ||
    PATH.test(value) ||
    DIGEST.test(value) ||
    (!assignment.quoted && CODE_EXPRESSION.test(value))
  );
}

export function assignedSecretKind(assignment: Assignment): SecretKind | undefined {
  const { name, value } = assignment;
  if (isNotASecretValue(assignment)) return undefined;
  if (GITEA_TOKEN.test(value)) {
    return isCredentialName(name) && !isTooRegular(value) ? 'gitea-token' : undefined;
  }
  if (AWS_SECRET.test(value) && AWS_SECRET_NAME.test(name) && !isTooRegular(value)) {
    return 'aws-secret-access-key';
  }
  return isSecretName(name) && looksRandom(value) ? 'high-entropy-assignment' : undefined;
}
