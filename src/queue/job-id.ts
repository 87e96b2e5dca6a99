/**
 * One part of a BullMQ job id, escaped injectively: ASCII letters, digits and `-` stay, every other
 * byte of the UTF-8 text becomes `_` and two hex digits (`/` → `_2f`, `_` → `_5f`, `.` → `_2e`).
 * The result holds no `.` and no `:` (BullMQ refuses custom ids with `:`), so parts joined with `.`
 * never collide: `fleet/ops_a` and `fleet_ops/a` give `fleet_2fops_5fa` and `fleet_5fops_2fa`.
 */
export function jobIdPart(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const kept =
      byte === 45 || (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122);
    out += kept ? String.fromCharCode(byte) : `_${byte.toString(16).padStart(2, '0')}`;
  }
  return out;
}

/**
 * A job id of a kind of job: `prefix-part.part…`, each part escaped by `jobIdPart`. Two different
 * part lists of one prefix never give the same id. `prefix` is a fixed word (letters only).
 */
export const jobIdOf = (prefix: string, ...parts: (string | number)[]) =>
  `${prefix}-${parts.map((part) => jobIdPart(String(part))).join('.')}`;
