import { z } from 'zod';

const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Milliseconds since the epoch of an ISO date (`2026-01-15`: UTC midnight) or date-time
 * (`2026-01-15T09:30:00Z`, `…+02:00`; a date-time without a zone is read as UTC, never as the
 * machine's local time). Undefined when the text is not one, or names no real day.
 */
export function parseInstantMs(text: string): number | undefined {
  const match = ISO_INSTANT.exec(text.trim());
  if (!match) return undefined;
  const [, date, time, zone] = match;
  const normalized = time === undefined ? `${date}T00:00:00Z` : `${date}T${time}${zone ?? 'Z'}`;
  const ms = Date.parse(normalized);
  if (!Number.isFinite(ms)) return undefined;
  const sameDay = new Date(Date.parse(`${date}T00:00:00Z`)).toISOString().slice(0, 10) === date;
  return sameDay ? ms : undefined;
}

/** `parseInstantMs`, for text already checked by `isoInstantSchema`; throws an Error naming the text otherwise. */
export function instantMs(text: string): number {
  const ms = parseInstantMs(text);
  if (ms === undefined) throw new Error(`"${text}" is not an ISO date or date-time`);
  return ms;
}

/** An ISO date or date-time, kept as written; read it with `instantMs` or `utcDay`. */
export const isoInstantSchema = z.string().refine((text) => parseInstantMs(text) !== undefined, {
  message: 'write an ISO date such as 2026-01-15 or 2026-01-15T09:30:00Z',
});

/** The ISO instant `ms` milliseconds after `iso` (`2026-11-20T10:00:00Z` + 30 min → `2026-11-20T10:30:00.000Z`). */
export const addMs = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

/** A Gitea time (RFC 3339, any offset: `2026-11-20T11:00:00+01:00`) as the bot stamps events: UTC ISO with ms (`2026-11-20T10:00:00.000Z`). */
export const toIso = (time: string) => new Date(time).toISOString();
