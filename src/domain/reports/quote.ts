import { inert } from '../text/inert.js';

/** An operator's text quoted back inert (src/domain/text/inert.ts): one line, no markup, no mentions, capped. */
export const quote = (text: string, max = 40): string => inert(text, max).text;
