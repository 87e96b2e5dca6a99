export type AuthOutcome = 'ok' | 'missing' | 'wrong' | 'deprecated-query-token';

/**
 * Basic auth with a user's password (services/auth/basic.go): the admin scripts' way in; token
 * scopes do not apply to it. Returns the login, or undefined when the header is not Basic.
 */
export function basicLogin(
  request: Request,
  passwordOf: (login: string) => string | undefined,
): string | null | undefined {
  const [scheme = '', value = ''] = (request.headers.get('authorization') ?? '').trim().split(/\s+/, 2);
  if (scheme.toLowerCase() !== 'basic') return undefined;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const login = decoded.slice(0, colon);
  const password = passwordOf(login);
  return colon > 0 && password !== undefined && password === decoded.slice(colon + 1) ? login : null;
}

export function authenticate(request: Request, url: URL, token: string): AuthOutcome {
  const header = request.headers.get('authorization');
  if (header) {
    const [scheme = '', value = ''] = header.trim().split(/\s+/, 2);
    const known = ['token', 'bearer'].includes(scheme.toLowerCase());
    return known && value === token ? 'ok' : 'wrong';
  }
  const queryToken = url.searchParams.get('token') ?? url.searchParams.get('access_token');
  if (queryToken === null) return 'missing';
  return queryToken === token ? 'deprecated-query-token' : 'wrong';
}
