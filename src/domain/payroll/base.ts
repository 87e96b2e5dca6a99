import type { ProgramConfig } from '../../config/program.js';
import { mulDivHalfUp } from './money.js';
import type { NodeSegment } from './period.js';

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

/**
 * Base over days with different node counts (PROGRAM.md: extra nodes pro-rated by days, like
 * base): Σ fullBase(nodes) × days / daysInMonth over the segments, rounded half-up once. With
 * one node count all period long this is `proratedCents(fullBaseCents(nodes), activeDays, …)`.
 */
export function segmentedBaseCents(
  segments: readonly NodeSegment[],
  daysInMonth: number,
  config: ProgramConfig,
): number {
  const centDays = segments.reduce(
    (sum, segment) => sum + fullBaseCents(segment.nodes, config) * (segment.last - segment.first + 1),
    0,
  );
  return mulDivHalfUp(centDays, 1, daysInMonth);
}
