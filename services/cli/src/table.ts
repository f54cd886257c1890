// Plain-text tables for people: columns padded to their widest cell, numbers right-aligned, long cells
// cut with an ellipsis so a row stays on one line.

export interface Column<Row> {
  header: string;
  cell: (row: Row) => string | number;
  align?: 'left' | 'right';
  /** Longest a cell may be before it is cut. */
  max?: number;
}

export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, Math.max(0, max - 1))}…`;
}

export function formatTable<Row>(rows: readonly Row[], columns: ReadonlyArray<Column<Row>>): string {
  const cells = rows.map((row) => columns.map((column) => {
    const value = column.cell(row);
    return truncate(typeof value === 'number' ? value.toLocaleString('en') : value, column.max ?? 200);
  }));
  const widths = columns.map((column, index) => Math.max(column.header.length, ...cells.map((line) => line[index]!.length)));
  const render = (line: readonly string[]): string =>
    line
      .map((cell, index) => ((columns[index]!.align ?? 'left') === 'right' ? cell.padStart(widths[index]!) : cell.padEnd(widths[index]!)))
      .join('  ')
      .trimEnd();
  return [render(columns.map((column) => column.header)), render(widths.map((width) => '─'.repeat(width))), ...cells.map(render)].join('\n');
}

/** `0.4567` → `45.7 %`. */
export function percent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}

/** Seconds as a short human age: `42 s`, `3 min`, `5 h`, `2 d`. */
export function humanAge(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 36 * 3600) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} d`;
}
