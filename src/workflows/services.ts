import type { ExitServices } from './exit/facts.js';
import type { PayrollServices } from './payroll/facts.js';

/**
 * Every look-up the workflows' `loadFacts` ask for (each declares its own in its `facts.ts`): the
 * one object the composition root builds and the worker hands to every workflow.
 */
export type FactServices = ExitServices & PayrollServices;
