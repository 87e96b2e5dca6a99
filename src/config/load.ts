import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { type Env, envSchema, REQUIRED_FOR_SERVE, REQUIRED_FOR_WORKER } from './env.js';
import { ConfigError, describeIssues } from './errors.js';
import { type ProgramConfig, programConfigSchema } from './program.js';

export type Role = 'serve' | 'worker' | 'tool';

export function loadEnv(source: Record<string, string | undefined>, role: Role): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) throw new ConfigError('environment', describeIssues(parsed.error.issues));
  const required = role === 'serve' ? REQUIRED_FOR_SERVE : role === 'worker' ? REQUIRED_FOR_WORKER : [];
  const missing = required.filter((name) => !parsed.data[name]);
  if (missing.length > 0) {
    throw new ConfigError(
      'environment',
      missing.map((name) => `${name}: required — set it in the environment or in .env (see .env.example)`),
    );
  }
  return parsed.data;
}

/** Reads `.env` from the working directory when present; real environment variables win. */
export function readDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

export const DEFAULT_PROGRAM_CONFIG_PATH = './operator-bot.yaml';

export function loadProgramConfig(explicitPath: string | undefined): {
  config: ProgramConfig;
  path?: string;
} {
  const path =
    explicitPath ?? (existsSync(DEFAULT_PROGRAM_CONFIG_PATH) ? DEFAULT_PROGRAM_CONFIG_PATH : undefined);
  if (!path) return { config: programConfigSchema.parse({}) };
  if (!existsSync(path)) throw new ConfigError(path, ['file not found — check PROGRAM_CONFIG']);
  return { config: parseProgramConfig(readFileSync(path, 'utf8'), path), path };
}

export function parseProgramConfig(text: string, source = 'program config'): ProgramConfig {
  let raw: unknown;
  try {
    raw = parseYaml(text) ?? {};
  } catch (error) {
    throw new ConfigError(source, [`not valid YAML: ${(error as Error).message.split('\n')[0]}`]);
  }
  const parsed = programConfigSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(source, describeIssues(parsed.error.issues));
  return parsed.data;
}
