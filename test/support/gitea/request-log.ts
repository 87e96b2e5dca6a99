export interface RecordedRequest {
  method: string;
  /** The API path, without `/api/v1`. */
  path: string;
  template?: string;
  operationId?: string;
  query: Record<string, string>;
  body: unknown;
  /** 0 when the request was answered with a network error. */
  status: number;
  fault?: 'status' | 'network-error' | 'delay';
}

export type ViolationKind = 'auth' | 'unknown-operation' | 'request' | 'response' | 'not-emulated';

export interface ContractViolation {
  kind: ViolationKind;
  method: string;
  path: string;
  message: string;
}

export function describeViolations(violations: ContractViolation[]): string {
  return violations.map((v) => `- [${v.kind}] ${v.method} ${v.path}: ${v.message}`).join('\n');
}

export function matchesRequest(request: RecordedRequest, method: string, path: string | RegExp): boolean {
  if (request.method !== method.toUpperCase()) return false;
  if (path instanceof RegExp) return path.test(request.path);
  const wanted = path.replace(/^\/api\/v1(?=\/)/, '');
  return request.path === wanted || request.template === wanted;
}
