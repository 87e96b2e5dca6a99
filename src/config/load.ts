import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { ENV_HELP, type Env, envSchema, REQUIRED_FOR_SERVE, REQUIRED_FOR_WORKER } from './env.js';
import { ConfigError, describeIssues } from './errors.js';
import { type ProgramConfig, programConfigSchema } from './program.js';

export type Role = 'serve' | 'worker' | 'tool';

/**
 * The environment for one command. A variable set to an empty (or blank) value counts as unset,
 * as in a fresh `.env` copied from `.env.example`; each role checks only the variables it needs
 * (`serve`: Gitea, token, webhook secret, program repo; `worker`: all but the secret; tools: none).
 * @throws ConfigError naming each missing variable, one line each, with what to put there.
 */
export function loadEnv(source: Record<string, string | undefined>, role: Role): Env {
  const parsed = envSchema.safeParse(withoutBlankValues(source));
  if (!parsed.success) throw new ConfigError('environment', describeIssues(parsed.error.issues));
  const required = role === 'serve' ? REQUIRED_FOR_SERVE : role === 'worker' ? REQUIRED_FOR_WORKER : [];
  const missing = required.filter((name) => !parsed.data[name]);
  if (missing.length > 0) {
    throw new ConfigError(
      'environment (fill these in .env or set them in the environment)',
      missing.map((name) => `${name} is not set — ${ENV_HELP[name]}`),
    );
  }
  return parsed.data;
}

function withoutBlankValues(source: Record<string, string | undefined>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(source)) {
    if (value !== undefined && value.trim() !== '') kept[name] = value;
  }
  return kept;
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
