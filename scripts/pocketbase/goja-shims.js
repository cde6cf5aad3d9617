// Globals the content parser uses that PocketBase's JS engine (goja) lacks, injected into the
// hooks' bundle of src/lib/content only. The server parses lessons to derive their fields and
// answer keys; it never renders HTML, so these cover what parsing needs and no more.

/**
 * URL, as far as `safeUrl` needs it: the protocol and origin of an absolute URL, and paths
 * resolved against a base. Anything it cannot read with certainty (protocol-relative `//host`,
 * backslashes, a relative URL without a base) throws, so the server only ever refuses more than
 * a browser would, never less.
 */
export class URL {
	/**
	 * @param {string} href
	 * @param {string} [base]
	 */
	constructor(href, base) {
		const absolute = /^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$/.exec(href);
		if (absolute) {
			const [, scheme = '', rest = ''] = absolute;
			this.protocol = scheme.toLowerCase() + ':';
			const host = /^\/\/([^/?#]*)/.exec(rest);
			this.origin = host ? this.protocol + '//' + String(host[1]).toLowerCase() : 'null';
			this.href = href;
			return;
		}
		const root = base === undefined ? null : /^([a-z]+:)\/\/([^/?#]+)/.exec(base);
		if (root === null || href.startsWith('//') || href.includes('\\')) {
			throw new TypeError('Invalid URL');
		}
		this.protocol = root[1];
		this.origin = root[1] + '//' + root[2];
		this.href = this.origin + (href.startsWith('/') ? href : '/' + href);
	}
}

/** UTF-8 encoding, for hashing text. */
export class TextEncoder {
	/** @param {string} text */
	encode(text) {
		const binary = unescape(encodeURIComponent(text));
		const bytes = new Uint8Array(binary.length);
		for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
		return bytes;
	}
}
