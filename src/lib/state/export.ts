import { toCsv, type Cell } from './csv';

/** A table to export: a sheet's name and its rows, the first being the header. */
export interface Table {
	name: string;
	rows: Cell[][];
}

/** How many spreadsheet columns a text takes: Chinese characters are two wide. */
export function columnsOf(cell: Cell): number {
	let n = 0;
	for (const ch of String(cell ?? '')) n += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
	return n;
}

/** A name made safe for a file on every system. */
export function safeFileName(name: string): string {
	return name.replace(/[\\/:*?"<>|\s]+/g, '_') || '_';
}

/** Offer a file to save, as a download. */
function save(blob: Blob, name: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	a.style.display = 'none';
	document.body.append(a);
	a.click();
	a.remove();
	// The download has started from the URL by now; give slow browsers a moment anyway.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Download a table as CSV (UTF-8 with a BOM), for Excel and WPS. */
export function downloadCsv(table: Table, name: string): void {
	save(new Blob([toCsv(table.rows)], { type: 'text/csv;charset=utf-8' }), name);
}

/** Download tables as an Excel workbook, one sheet each. The writer loads only now. */
export async function downloadXlsx(tables: readonly Table[], name: string): Promise<void> {
	const { default: writeXlsxFile } = await import('write-excel-file/browser');
	const sheets = tables.map((t) => ({
		sheet: t.name,
		data: t.rows.map((row, i) =>
			row.map((cell) => (i === 0 ? { value: String(cell), fontWeight: 'bold' as const } : cell))
		),
		columns: (t.rows[0] ?? []).map((_, i) => ({
			width: Math.min(60, Math.max(8, ...t.rows.map((row) => columnsOf(row[i] ?? '') + 2)))
		})),
		stickyRowsCount: 1
	}));
	save(await writeXlsxFile(sheets).toBlob(), name);
}
