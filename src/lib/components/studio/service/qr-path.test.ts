import decodeQR from 'qr/decode.js';
import encodeQR from 'qr';
import { describe, expect, it } from 'vitest';
import { qrPath } from './qr-path';

/** Paint a path of `qrPath` (only the `M x y h w v1 h-w z` runs it writes) into RGBA pixels,
 * `scale` pixels a module, as a screen would show it. */
function paint(path: string, size: number, scale = 4) {
	const width = size * scale;
	const data = new Uint8Array(width * width * 4).fill(255);
	for (const [, x, y, w] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
		for (let py = Number(y) * scale; py < (Number(y) + 1) * scale; py++)
			for (let px = Number(x) * scale; px < (Number(x) + Number(w)) * scale; px++)
				data.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
	}
	return { width, height: width, data };
}

describe('the check-in QR code', () => {
	it('draws each horizontal run of dark modules as one rectangle', () => {
		expect(
			qrPath([
				[true, true, false, true],
				[false, false, false, false],
				[false, true, true, true]
			])
		).toBe('M0 0h2v1h-2zM3 0h1v1h-1zM1 2h3v1h-3z');
		expect(qrPath([])).toBe('');
	});

	it('as drawn, reads back as the check-in URL', () => {
		const url = 'https://gongxue.example.cn/checkin?m=abcdefghij12345&t=0123456789abcdefghijklmn';
		const cells = encodeQR(url, 'raw', { ecc: 'medium', border: 2 });
		expect(decodeQR(paint(qrPath(cells), cells.length))).toBe(url);
	});
});
