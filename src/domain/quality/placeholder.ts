import { shannonEntropy } from './entropy.js';

/**
 * Values that stand for a secret without being one: empty, interpolations (`${VAR}`, `{{ var }}`,
 * `$VAR`, `%VAR%`, `%(var)s`, `{var}`), angle-bracket blanks (`<your-token>`), environment lookups
 * (`process.env.X`, `os.environ[…]`, `getenv(…)`, `ENV[…]`), an environment variable's name
 * (`GITEA_TOKEN`), masks and ellipses (`xxxx`, `****`, `...`), the words people write in examples
 * (`changeme`, `example`, `your_token`, `redacted`, `dummy`…) and strings of one repeated character.
 */
const PLACEHOLDER_PATTERNS: RegExp[] = [
  /^\s*$/,
  /\$\{|\{\{|%\([\w.-]*\)[sd]|^\$[A-Za-z_]\w*$|^%[A-Za-z_]\w*%$|\{[A-Za-z_][\w.]*\}/,
  /^<[^<>]*>$/,
  /process\.env|import\.meta\.env|os\.environ|getenv|\bENV\[|\benv\(/i,
  /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/,
  /x{4,}|X{4,}|\*{3,}|\.{3}|…/,
  /example|sample|dummy|placeholder|change_?me|replace_?me|redacted|your[_-]?(?:own[_-]?)?(?:token|key|secret|password|api)|insert[_-]?here|fake|not[_-]?a[_-]?real/i,
  /^(.)\1*$/s,
];

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER_PATTERNS.some((pattern) => pattern.test(value));
}

/** A token-shaped match whose random part is too regular to be random (`ghp_000…`, `abcabc…`). */
export function isTooRegular(randomPart: string): boolean {
  return shannonEntropy(randomPart) < 3;
}
