/** The dark modules of a QR code as one SVG path, a rectangle per horizontal run of modules
 * (one unit a module), so the code draws crisply at any size without a canvas. */
export function qrPath(cells: readonly (readonly boolean[])[]): string {
	const parts: string[] = [];
	cells.forEach((row, y) => {
		let x = 0;
		while (x < row.length) {
			if (!row[x]) {
				x++;
				continue;
			}
			let end = x;
			while (end < row.length && row[end]) end++;
			parts.push(`M${x} ${y}h${end - x}v1h${x - end}z`);
			x = end;
		}
	});
	return parts.join('');
}
