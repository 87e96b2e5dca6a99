/**
 * RFC 4180 CSV: rows of fields split by commas, a field in double quotes may hold commas,
 * newlines and `""` for a quote; CRLF or LF line ends; empty lines are skipped. Pure.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  /** Whether the current line has anything at all (a quoted empty field counts). */
  let started = false;
  const endRow = () => {
    if (started) rows.push([...row, field]);
    row = [];
    field = '';
    started = false;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
      continue;
    }
    if (char === '\n') {
      endRow();
      continue;
    }
    if (char === '\r') continue;
    started = true;
    if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else field += char;
  }
  endRow();
  return rows;
}
