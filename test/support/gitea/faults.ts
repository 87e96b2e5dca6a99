export interface FaultSpec {
  method?: string;
  /** An API path such as `/repos/o/r/issues/7/comments`, a swagger template such as
   * `/repos/{owner}/{repo}/issues/{index}/comments`, or a RegExp tested against the API path. */
  path: string | RegExp;
  times?: number;
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  networkError?: boolean;
  /** Wait before answering. Alone, the request is then served normally: the write happens
   * even if the client has given up, as with a real timeout. */
  delayMs?: number;
}

interface ArmedFault {
  spec: FaultSpec;
  remaining: number;
}

export class FaultPlan {
  #armed: ArmedFault[] = [];

  add(spec: FaultSpec): void {
    this.#armed.push({ spec, remaining: spec.times ?? 1 });
  }

  clear(): void {
    this.#armed = [];
  }

  take(method: string, apiPath: string, template: string | undefined): FaultSpec | undefined {
    const armed = this.#armed.find(
      (fault) => fault.remaining > 0 && matches(fault.spec, method, apiPath, template),
    );
    if (!armed) return undefined;
    armed.remaining -= 1;
    return armed.spec;
  }
}

function matches(spec: FaultSpec, method: string, apiPath: string, template: string | undefined): boolean {
  if (spec.method && spec.method.toUpperCase() !== method.toUpperCase()) return false;
  if (spec.path instanceof RegExp) return spec.path.test(apiPath);
  const wanted = spec.path.replace(/^\/api\/v1(?=\/)/, '');
  return wanted === apiPath || wanted === template;
}
