/** `+25`, `-10.50`, `+$25.00`, `25` → signed cents; anything else (or zero) → undefined. */
export function parseAmountCents(text: string | undefined): number | undefined {
  const match = /^([+-]?)\$?(\d{1,7})(?:\.(\d{1,2}))?$/.exec(text?.trim() ?? '');
  if (!match) return undefined;
  const cents = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  if (cents === 0) return undefined;
  return match[1] === '-' ? -cents : cents;
}

/** Signed cents as dollars: -1050 → "-$10.50", 2500 → "$25.00". */
export const formatDollars = (cents: number) =>
  `${cents < 0 ? '-' : ''}$${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
