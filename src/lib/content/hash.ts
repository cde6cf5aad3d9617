import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

type NodeCrypto = typeof import('node:crypto');

/**
 * Node's native SHA-256 where it exists (build, CLI, tests: several times faster), else the
 * pure-JS one from @noble/hashes (browser). Both are SHA-256, so ids agree everywhere.
 */
const nodeCrypto = (
	globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;

/** Hex SHA-256 of the UTF-8 bytes of `text`. */
export function sha256Hex(text: string): string {
	if (nodeCrypto) return nodeCrypto.createHash('sha256').update(text, 'utf8').digest('hex');
	return bytesToHex(sha256(utf8ToBytes(text)));
}

/** First `length` hex digits of the SHA-256 of `text`. */
export function shortHash(text: string, length = 12): string {
	return sha256Hex(text).slice(0, length);
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
