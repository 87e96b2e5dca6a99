import type { OperationMatch } from './operations.js';
import { queryValueProblem, schemaProblems } from './schema-check.js';
import { giteaSpec, resolveResponse } from './swagger.js';

const AUTH_QUERY_PARAMETERS = Object.values(giteaSpec.securityDefinitions)
  .filter((definition) => definition.in === 'query' && definition.name)
  .map((definition) => definition.name as string);

export interface RequestParts {
  query: URLSearchParams;
  body: unknown;
  hasBody: boolean;
}

export function requestProblems(match: OperationMatch, request: RequestParts): string[] {
  const parameters = match.operation?.parameters ?? [];
  const problems: string[] = [];
  for (const parameter of parameters.filter((p) => p.in === 'path')) {
    const problem = queryValueProblem(
      parameter,
      match.params[parameter.name] ?? '',
      `path ${parameter.name}`,
    );
    if (problem) problems.push(problem);
  }
  for (const name of new Set(request.query.keys())) {
    const parameter = parameters.find((p) => p.in === 'query' && p.name === name);
    if (!parameter) {
      if (!AUTH_QUERY_PARAMETERS.includes(name))
        problems.push(`query ${name}: not a parameter of ${match.operation?.operationId}`);
      continue;
    }
    const itemSchema = parameter.type === 'array' ? (parameter.items ?? {}) : parameter;
    for (const raw of request.query.getAll(name)) {
      const problem = queryValueProblem(itemSchema, raw, `query ${name}`);
      if (problem) problems.push(problem);
    }
  }
  const bodyParameter = parameters.find((p) => p.in === 'body');
  if (!bodyParameter) {
    if (request.hasBody) problems.push(`body: ${match.operation?.operationId} takes no body`);
    return problems;
  }
  if (!request.hasBody) {
    if (bodyParameter.required) problems.push(`body: required by ${match.operation?.operationId}`);
    return problems;
  }
  return [...problems, ...schemaProblems(bodyParameter.schema ?? {}, request.body, 'body', 'request')];
}

export function responseProblems(match: OperationMatch, status: number, body: unknown): string[] {
  const declared = match.operation?.responses[String(status)];
  if (!declared) {
    return status < 300 ? [`response ${status}: not declared by ${match.operation?.operationId}`] : [];
  }
  const schema = resolveResponse(declared).schema;
  if (!schema) return [];
  return schemaProblems(schema, body, `response ${status}`, 'response');
}
