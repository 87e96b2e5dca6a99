import { delay, HttpResponse } from 'msw';
import { authenticate, basicLogin } from './authenticate.js';
import { requestProblems, responseProblems } from './contract/contract-check.js';
import { findOperation, type OperationMatch } from './contract/operations.js';
import type { FaultPlan, FaultSpec } from './faults.js';
import type { ContractViolation, RecordedRequest, ViolationKind } from './request-log.js';
import { apiError, notFound, type RouteResult } from './route-result.js';
import { routeKey, routesByKey } from './routes/index.js';
import type { Site } from './site.js';
import type { GiteaState } from './state.js';
import { hasScope, missingScopeMessage, requiredScope } from './token-scopes.js';

export interface ServerParts {
  state: GiteaState;
  site: Site;
  token: string;
  botLogin: string;
  faults: FaultPlan;
  requests: RecordedRequest[];
  violations: ContractViolation[];
  now: () => string;
  /** The scopes of the bot's token (`all` unless a test narrows them). */
  scopes: () => readonly string[];
}

interface Incoming {
  request: Request;
  url: URL;
  apiPath: string;
  body: unknown;
  hasBody: boolean;
  bodyProblem: string | undefined;
  match: OperationMatch | undefined;
  entry: RecordedRequest;
  /** Who signed in with Basic auth; the bot (by its token) otherwise. */
  doerLogin?: string;
}

const API_PREFIX = '/api/v1';

async function readBody(request: Request): Promise<{ body: unknown; hasBody: boolean; problem?: string }> {
  const text = await request.text();
  if (text === '') return { body: undefined, hasBody: false };
  if (!(request.headers.get('content-type') ?? '').includes('application/json')) {
    return { body: text, hasBody: true, problem: 'body: sent without Content-Type: application/json' };
  }
  try {
    return { body: JSON.parse(text), hasBody: true };
  } catch {
    return { body: text, hasBody: true, problem: 'body: not valid JSON' };
  }
}

function toHttpResponse(result: RouteResult): Response {
  const headers = new Headers(result.headers);
  if (result.text !== undefined) {
    headers.set('Content-Type', 'text/plain;charset=utf-8');
    return new HttpResponse(result.text, { status: result.status, headers });
  }
  if (result.body === undefined) return new HttpResponse(null, { status: result.status, headers });
  headers.set('Content-Type', 'application/json;charset=utf-8');
  return new HttpResponse(JSON.stringify(result.body), { status: result.status, headers });
}

export function createRequestServer(parts: ServerParts): (request: Request) => Promise<Response> {
  const violate = (incoming: Incoming, kind: ViolationKind, message: string) => {
    parts.violations.push({ kind, method: incoming.request.method, path: incoming.apiPath, message });
  };

  const answer = (incoming: Incoming, result: RouteResult, fault?: RecordedRequest['fault']): Response => {
    incoming.entry.status = result.status;
    if (fault) incoming.entry.fault = fault;
    return toHttpResponse(result);
  };

  const answerFault = async (incoming: Incoming, fault: FaultSpec): Promise<Response | undefined> => {
    if (fault.delayMs) await delay(fault.delayMs);
    if (fault.networkError) {
      incoming.entry.status = 0;
      incoming.entry.fault = 'network-error';
      return HttpResponse.error();
    }
    if (fault.status === undefined) {
      incoming.entry.fault = 'delay';
      return undefined;
    }
    const body = fault.body ?? { message: `injected fault ${fault.status}`, url: parts.site.swaggerUrl };
    return answer(incoming, { status: fault.status, body, headers: fault.headers }, 'status');
  };

  const dispatch = (incoming: Incoming): Response => {
    const { match, request } = incoming;
    const route = match && routesByKey.get(routeKey(request.method, match.template));
    if (!match?.operation || !route) {
      violate(
        incoming,
        'not-emulated',
        `${match?.template ?? incoming.apiPath} is not emulated for ${request.method}`,
      );
      return answer(incoming, notFound(parts.site));
    }
    const doer = parts.state.user(incoming.doerLogin ?? parts.botLogin);
    if (!doer) throw new Error(`the account ${incoming.doerLogin ?? parts.botLogin} is missing`);
    const result = route.handle({
      state: parts.state,
      site: parts.site,
      doer,
      params: match.params,
      query: incoming.url.searchParams,
      body: incoming.body,
      url: incoming.url,
      now: parts.now,
      represent: { state: parts.state, site: parts.site, doer: doer.login },
    });
    for (const problem of responseProblems(match, result.status, result.text ?? result.body))
      violate(incoming, 'response', problem);
    return answer(incoming, result);
  };

  const receive = async (request: Request): Promise<Incoming> => {
    const url = new URL(request.url);
    const underApi = url.pathname.startsWith(`${API_PREFIX}/`);
    const apiPath = underApi ? url.pathname.slice(API_PREFIX.length) : url.pathname;
    const { body, hasBody, problem } = await readBody(request);
    const match = underApi ? findOperation(request.method, apiPath) : undefined;
    const entry: RecordedRequest = {
      method: request.method,
      path: apiPath,
      template: match?.template,
      operationId: match?.operation?.operationId,
      query: Object.fromEntries(url.searchParams),
      body,
      status: 0,
    };
    parts.requests.push(entry);
    return { request, url, apiPath, body, hasBody, bodyProblem: problem, match, entry };
  };

  const refuse = (incoming: Incoming, match: OperationMatch): Response | undefined => {
    const basic = basicLogin(incoming.request, (login) => parts.state.user(login)?.password);
    if (basic === null) return answer(incoming, apiError(parts.site, 401, "user's password is invalid"));
    if (basic !== undefined) incoming.doerLogin = basic;
    const auth = basic !== undefined ? 'ok' : authenticate(incoming.request, incoming.url, parts.token);
    if (auth === 'deprecated-query-token') {
      violate(incoming, 'auth', 'token sent in the query string (deprecated); use the Authorization header');
    } else if (auth !== 'ok') {
      violate(incoming, 'auth', auth === 'missing' ? 'no Authorization header' : 'wrong token');
      const message = auth === 'missing' ? 'token is required' : 'user does not exist [uid: 0, name: ]';
      return answer(incoming, apiError(parts.site, 401, message));
    }
    const needed = basic === undefined ? requiredScope(incoming.request.method, match.template) : undefined;
    if (needed && !hasScope(parts.scopes(), needed)) {
      return answer(incoming, apiError(parts.site, 403, missingScopeMessage(needed)));
    }
    const { url, body, hasBody, bodyProblem } = incoming;
    const problems = [
      ...(bodyProblem ? [bodyProblem] : []),
      ...requestProblems(match, { query: url.searchParams, body, hasBody }),
    ];
    if (problems.length === 0) return undefined;
    for (const problem of problems) violate(incoming, 'request', problem);
    return answer(incoming, apiError(parts.site, 422, `contract: ${problems.join('; ')}`));
  };

  return async (request) => {
    const incoming = await receive(request);
    const { match } = incoming;
    if (!match?.operation) {
      violate(
        incoming,
        'unknown-operation',
        `no ${request.method} ${incoming.url.pathname} in Gitea 1.22's API`,
      );
      return answer(incoming, notFound(parts.site));
    }
    const refused = refuse(incoming, match);
    if (refused) return refused;
    const fault = parts.faults.take(request.method, incoming.apiPath, match.template);
    const faulted = fault && (await answerFault(incoming, fault));
    return faulted || dispatch(incoming);
  };
}
