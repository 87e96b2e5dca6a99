import { readFileSync } from 'node:fs';

export interface Schema {
  $ref?: string;
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'file';
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  required?: string[];
  items?: Schema;
}

export interface Parameter extends Omit<Schema, 'required'> {
  name: string;
  in: 'path' | 'query' | 'body' | 'header' | 'formData';
  required?: boolean;
  schema?: Schema;
  collectionFormat?: string;
}

export interface ResponseSpec {
  $ref?: string;
  description?: string;
  schema?: Schema;
}

export interface Operation {
  operationId: string;
  parameters?: Parameter[];
  responses: Record<string, ResponseSpec>;
}

export interface SwaggerSpec {
  basePath: string;
  paths: Record<string, Record<string, Operation>>;
  definitions: Record<string, Schema>;
  responses: Record<string, ResponseSpec>;
  securityDefinitions: Record<string, { in?: string; name?: string }>;
}

const SPEC_URL = new URL('../../../fixtures/gitea-swagger-v1.22.json', import.meta.url);

export const giteaSpec: SwaggerSpec = JSON.parse(readFileSync(SPEC_URL, 'utf8'));

export function definitionName(ref: string): string {
  return ref.replace(/^#\/(definitions|responses)\//, '');
}

export function resolveResponse(response: ResponseSpec): ResponseSpec {
  return response.$ref ? (giteaSpec.responses[definitionName(response.$ref)] ?? response) : response;
}
