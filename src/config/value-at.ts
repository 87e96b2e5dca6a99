import type { ProgramConfig } from './program.js';

/** The config value at a dotted path such as `onboarding.shadowPeriod`, or undefined. */
export const configValueAt = (config: ProgramConfig, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], config);
