import { describe, expect, it } from 'vitest';
import { BOM, csvField, toCsv } from './csv';

describe('csvField', () => {
	it('leaves plain text and numbers as they are', () => {
		expect(csvField('第一支部')).toBe('第一支部');
		expect(csvField(42)).toBe('42');
		expect(csvField(0.5)).toBe('0.5');
		expect(csvField(null)).toBe('');
		expect(csvField('')).toBe('');
	});

	it('quotes fields with commas, quotes and line breaks, doubling the quotes', () => {
		expect(csvField('甲,乙')).toBe('"甲,乙"');
		expect(csvField('他说"好"')).toBe('"他说""好"""');
		expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"');
		expect(csvField('a\r\nb')).toBe('"a\r\nb"');
		// A full-width comma is text, not a separator.
		expect(csvField('甲，乙')).toBe('甲，乙');
	});

	it('keeps text a spreadsheet would run as a formula as text', () => {
		expect(csvField('=HYPERLINK("http://x","点我")')).toBe('"\'=HYPERLINK(""http://x"",""点我"")"');
		expect(csvField('+1')).toBe("'+1");
		expect(csvField('-1')).toBe("'-1");
		expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvField(-1)).toBe('-1');
	});

	it('writes no text for numbers that are not finite', () => {
		expect(csvField(NaN)).toBe('');
		expect(csvField(Infinity)).toBe('');
	});
});

describe('toCsv', () => {
	it('starts with a BOM and ends every row with CRLF', () => {
		const csv = toCsv([
			['姓名', '本月积分'],
			['张三', 5],
			['李四, 王五', null]
		]);
		expect(csv.startsWith(BOM)).toBe(true);
		expect(csv).toBe('\uFEFF姓名,本月积分\r\n张三,5\r\n"李四, 王五",\r\n');
	});

	it('is only the BOM for no rows', () => {
		expect(toCsv([])).toBe(BOM);
	});

	it('encodes as UTF-8 with the BOM bytes first', () => {
		const bytes = new TextEncoder().encode(toCsv([['党']]));
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(new TextDecoder().decode(bytes.slice(3))).toBe('党\r\n');
	});
});
