import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** First `length` hex digits of the SHA-256 of `text`. */
export function shortHash(text: string, length = 12): string {
	return bytesToHex(sha256(utf8ToBytes(text))).slice(0, length);
}

/**
 * Normalise text for identity: full-width forms folded (NFKC), whitespace removed, blanks written
 * any way (`____`, `（ ）`) made one. Editing spacing or punctuation width keeps a question's id.
 */
export function normaliseForId(text: string): string {
	return text
		.normalize('NFKC')
		.replace(/_{2,}/g, '__')
		.replace(/\(\s*\)/g, '__')
		.replace(/\s+/g, '');
}

/** The stable id of a question: a hash of its normalised stem and option texts. */
export function questionId(stem: string, optionTexts: readonly string[]): string {
	const key = [stem, ...optionTexts].map(normaliseForId).join('\u0001');
	return `q${shortHash(key, 12)}`;
}
