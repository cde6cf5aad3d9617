import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { questionId, sha256Hex, shortHash } from './hash';

describe('hashes', () => {
	it('the native path (build, server) and the browser path give the same SHA-256', () => {
		for (const text of [
			'',
			'abc',
			'党支部党员大会一般每季度召开（ ）次。',
			'😀 emoji\u0001A\u0001B'
		]) {
			expect(sha256Hex(text)).toBe(bytesToHex(sha256(utf8ToBytes(text))));
		}
		// The standard test vector, so both are SHA-256 and not merely equal to each other.
		expect(sha256Hex('abc')).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
	});

	it('ids are short, prefixed and stable under spacing and character width', () => {
		expect(shortHash('abc', 8)).toBe('ba7816bf');
		const id = questionId('党员大会一般每季度召开（ ）次。', ['1', '2']);
		expect(id).toMatch(/^q[0-9a-f]{12}$/);
		expect(questionId('党员大会 一般每季度召开（）次。', ['１', '2'])).toBe(id);
		expect(questionId('党员大会一般每月召开（ ）次。', ['1', '2'])).not.toBe(id);
	});
});
