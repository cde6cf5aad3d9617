/** A cell of an exported table: text, a number, or nothing. */
export type Cell = string | number | null;

/** Byte order mark: without it Excel reads a UTF-8 file as the system code page (GBK). */
export const BOM = '\uFEFF';

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(cell: Cell): string {
	if (cell === null) return '';
	if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
	// Text that a spreadsheet would run as a formula (a member may name themselves "=…") is
	// kept as text by a leading apostrophe, as Excel itself does.
	const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A table as CSV (RFC 4180): UTF-8 with a BOM, CRLF line ends, a CRLF after the last row. */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
	return BOM + rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}
