/**
 * Rows of a CSV text (RFC 4180: quoted fields, doubled quotes, CR LF or LF line ends), enough to
 * read the settlement export on a phone. A leading byte-order mark is dropped.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index];
    if (quoted) {
      if (char === '"' && source[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[index + 1] === '\n') index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export interface SettlementSummary {
  /** Codes fulfilled in the period. */
  count: number;
  points: number;
}

/**
 * What a settlement CSV adds up to, from its rows (the header names a `points` column; a
 * closing total row, if the export has one, is not a code and is left out).
 */
export function settlementSummary(csv: string): SettlementSummary {
  const [header, ...rows] = parseCsv(csv);
  const pointsColumn = header?.indexOf('points') ?? -1;
  let count = 0;
  let points = 0;
  for (const row of rows) {
    const first = row[0] ?? '';
    if (first === '' || first.toUpperCase() === 'TOTAL') continue;
    count += 1;
    const value = Number(row[pointsColumn]);
    if (pointsColumn >= 0 && Number.isFinite(value)) points += value;
  }
  return { count, points };
}
