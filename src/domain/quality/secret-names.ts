/**
 * Names a secret is assigned to. `SECRET_NAME` is the rule for high-entropy values; a 40-hex value
 * (a Gitea token, or a git sha) also needs the name to say it is a credential, where `key`, `auth`,
 * `pass` and `pwd` count as whole words (`apiKey`, `AUTH`, `db_pass`) but not inside others
 * (`monkey`, `author`).
 */
const SECRET_NAME = /token|secret|passw(or)?d|api[_-]?key|private[_-]?key|credential/i;
export const AWS_SECRET_NAME = /aws.?secret|secret.?access.?key/i;
const CREDENTIAL_WORDS = new Set(['key', 'keys', 'auth', 'authorization', 'pass', 'pwd']);

/** `giteaApiKey` → `gitea api key`; `DB_PASS` → `db pass`; `x-auth-token` → `x auth token`. */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

export function isCredentialName(name: string): boolean {
  return SECRET_NAME.test(name) || nameWords(name).some((word) => CREDENTIAL_WORDS.has(word));
}

/** Whether a value assigned to this name can be a secret of any kind (the cheap filter before reading values). */
export function mayNameASecret(name: string): boolean {
  return isCredentialName(name) || AWS_SECRET_NAME.test(name);
}
