import type { ProgramConfig } from '../../config/program.js';
import { mulDivHalfUp } from './money.js';

/** Nodes paid for: the registry's count capped at `onboarding.maxNodes` (nodes beyond are not paid). */
export function paidNodes(nodes: number, config: ProgramConfig): number {
  return Math.min(nodes, config.onboarding.maxNodes);
}

/**
 * A whole month's base: `payroll.baseCents` covers up to `includedNodes` nodes (and fewer,
 * even none), each paid node beyond adds `extraNodeCents`.
 */
export function fullBaseCents(nodes: number, config: ProgramConfig): number {
  const { baseCents, includedNodes, extraNodeCents } = config.payroll;
  return baseCents + Math.max(0, paidNodes(nodes, config) - includedNodes) * extraNodeCents;
}

/** `base × activeDays / daysInMonth`, rounded half-up to the cent. */
export function proratedCents(fullCents: number, activeDays: number, daysInMonth: number): number {
  return mulDivHalfUp(fullCents, activeDays, daysInMonth);
}
