export interface Site {
  baseUrl: string;
  appUrl: string;
  apiUrl: string;
  swaggerUrl: string;
  domain: string;
  noReplyDomain: string;
  version: string;
}

export function describeSite(baseUrl: string, version: string): Site {
  const url = new URL(baseUrl);
  return {
    baseUrl,
    appUrl: `${baseUrl}/`,
    apiUrl: `${baseUrl}/api/v1`,
    swaggerUrl: `${baseUrl}/api/swagger`,
    domain: url.hostname,
    noReplyDomain: `noreply.${url.hostname}`,
    version,
  };
}

export const ZERO_TIME = '0001-01-01T00:00:00Z';
export const UNIX_EPOCH = '1970-01-01T00:00:00Z';

export function giteaTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
