export type AuthOutcome = 'ok' | 'missing' | 'wrong' | 'deprecated-query-token';

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
