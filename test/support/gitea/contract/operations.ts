import { giteaSpec, type Operation } from './swagger.js';

export interface OperationMatch {
  template: string;
  params: Record<string, string>;
  operation: Operation | undefined;
}

interface CompiledPath {
  template: string;
  pattern: RegExp;
  names: string[];
  literalSegments: number;
}

const literalLength = (template: string) => template.replace(/\{\w+\}/g, '').length;

function compile(template: string): CompiledPath {
  const names: string[] = [];
  const source = template
    .split('/')
    .map((segment) =>
      // A segment may hold several parameters: `{index}.{diffType}`.
      segment
        .split(/(\{\w+\})/)
        .map((part) => {
          const param = /^\{(\w+)\}$/.exec(part);
          if (!param?.[1]) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(param[1]);
          // Gitea routes `{filepath}` as a wildcard (`/contents/*` in routers/api/v1/api.go): it spans slashes.
          return param[1] === 'filepath' ? '(.+)' : '([^/]+?)';
        })
        .join(''),
    )
    .join('/');
  const literalSegments = template.split('/').filter((segment) => segment && !segment.startsWith('{')).length;
  return { template, pattern: new RegExp(`^${source}$`), names, literalSegments };
}

const compiledPaths = Object.keys(giteaSpec.paths)
  .map(compile)
  // The most specific first: more literal segments, then more literal characters (`{index}.{diffType}` before `{index}`).
  .sort(
    (a, b) => b.literalSegments - a.literalSegments || literalLength(b.template) - literalLength(a.template),
  );

export function findOperation(method: string, apiPath: string): OperationMatch | undefined {
  const candidates = compiledPaths.filter((path) => path.pattern.test(apiPath));
  const withMethod = candidates.find((path) => giteaSpec.paths[path.template]?.[method.toLowerCase()]);
  const chosen = withMethod ?? candidates[0];
  if (!chosen) return undefined;
  const values = chosen.pattern.exec(apiPath)?.slice(1) ?? [];
  const params = Object.fromEntries(
    chosen.names.map((name, i) => [name, decodeURIComponent(values[i] ?? '')]),
  );
  return {
    template: chosen.template,
    params,
    operation: giteaSpec.paths[chosen.template]?.[method.toLowerCase()],
  };
}
