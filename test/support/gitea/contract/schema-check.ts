import { definitionName, giteaSpec, type Schema } from './swagger.js';

export type Direction = 'request' | 'response';

// Fields real Gitea 1.22 emits that its swagger does not declare.
const UNDECLARED_BUT_REAL: Record<string, string[]> = {
  User: ['username'],
};

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

interface Walk {
  direction: Direction;
  problems: string[];
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function checkObject(schema: Schema, value: unknown, at: string, walk: Walk, definition?: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    walk.problems.push(`${at}: expected object, got ${describe(value)}`);
    return;
  }
  const record = value as Record<string, unknown>;
  const properties = schema.properties ?? {};
  const tolerated = (definition && UNDECLARED_BUT_REAL[definition]) ?? [];
  for (const [key, field] of Object.entries(record)) {
    const property = properties[key];
    if (property) {
      checkSchema(property, field, `${at}.${key}`, walk);
    } else if (typeof schema.additionalProperties === 'object') {
      checkSchema(schema.additionalProperties, field, `${at}.${key}`, walk);
    } else if (schema.additionalProperties !== true && !tolerated.includes(key)) {
      walk.problems.push(`${at}.${key}: not a property of ${definition ?? 'the schema'}`);
    }
  }
  if (walk.direction === 'request') {
    for (const key of schema.required ?? []) {
      if (!(key in record)) walk.problems.push(`${at}.${key}: required by ${definition ?? 'the schema'}`);
    }
  }
}

function scalarMismatch(schema: Schema, value: unknown): string | undefined {
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') return 'string';
      return schema.format === 'date-time' && !RFC3339.test(value) ? 'RFC 3339 date-time' : undefined;
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value)
        ? undefined
        : (schema.format ?? 'integer');
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'boolean';
    default:
      return undefined;
  }
}

export function checkSchema(schema: Schema, value: unknown, at: string, walk: Walk): void {
  if (value === null) return;
  if (schema.$ref) {
    const name = definitionName(schema.$ref);
    const definition = giteaSpec.definitions[name];
    if (!definition) {
      walk.problems.push(`${at}: unresolvable ${schema.$ref}`);
      return;
    }
    if (definition.type === 'object' || definition.properties) checkObject(definition, value, at, walk, name);
    else checkSchema(definition, value, at, walk);
    return;
  }
  if (schema.enum && !schema.enum.includes(value)) {
    walk.problems.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
    return;
  }
  if (schema.type === 'object' || schema.properties) {
    checkObject(schema, value, at, walk);
    return;
  }
  if (schema.type === 'array') {
    if (!Array.isArray(value)) {
      walk.problems.push(`${at}: expected array, got ${describe(value)}`);
      return;
    }
    if (schema.items && Object.keys(schema.items).length > 0) {
      const items = schema.items;
      for (const [i, item] of value.entries()) checkSchema(items, item, `${at}[${i}]`, walk);
    }
    return;
  }
  const expected = scalarMismatch(schema, value);
  if (expected) walk.problems.push(`${at}: expected ${expected}, got ${describe(value)}`);
}

export function schemaProblems(schema: Schema, value: unknown, at: string, direction: Direction): string[] {
  const walk: Walk = { direction, problems: [] };
  checkSchema(schema, value, at, walk);
  return walk.problems;
}

export function queryValueProblem(
  schema: Pick<Schema, 'type' | 'format' | 'enum'>,
  raw: string,
  at: string,
): string | undefined {
  if (schema.enum && !schema.enum.includes(raw))
    return `${at}: ${raw} is not one of ${JSON.stringify(schema.enum)}`;
  if (schema.type === 'integer' && !/^-?\d+$/.test(raw)) return `${at}: ${raw} is not an integer`;
  if (schema.type === 'boolean' && raw !== 'true' && raw !== 'false') return `${at}: ${raw} is not a boolean`;
  if (schema.format === 'date-time' && !RFC3339.test(raw))
    return `${at}: ${raw} is not an RFC 3339 date-time`;
  return undefined;
}
