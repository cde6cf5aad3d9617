import { Marked, type Token, type Tokens } from 'marked';

/**
 * Markdown is rendered safe by construction, so the same renderer can show built-in lessons and
 * uploads, in the build and in the browser, without a DOM: raw HTML is shown as text, and links
 * and images keep only URLs from an allow-list. Nothing else in marked's output carries author
 * text unescaped. Tests check that DOMPurify finds nothing to remove from any output.
 */

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

/** Escape text for HTML content or a quoted attribute. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Escape text content but keep valid character references (`&amp;`, `&#x4e2d;`), as markdown does. */
function escapeText(text: string): string {
	return text.replace(
		/[<>"']|&(?!(?:#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/g,
		(c) => ESCAPES[c] ?? c
	);
}

const BASE = 'https://gongxue.invalid/';
const BASE_ORIGIN = new URL(BASE).origin;
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/**
 * The URL to emit for a link or image, or null when it is not allowed. Links may go to the web
 * (http, https, mailto, tel) or to a path on this platform; images and media only to a path on
 * this platform, since media is played only from the platform's own storage.
 */
export function safeUrl(raw: string, kind: 'link' | 'image'): string | null {
	// Percent-decode first, so `java%73cript:` is judged as the browser will read it; then drop
	// what browsers drop before reading a scheme: control characters and spaces.
	// eslint-disable-next-line no-control-regex
	const href = decodeSafe(raw).replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
	if (href === '') return null;
	let url: URL;
	try {
		url = new URL(href, BASE);
	} catch {
		return null;
	}
	const local = !/^[a-z][a-z0-9+.-]*:/i.test(href) && url.origin === BASE_ORIGIN;
	if (local) {
		if (kind === 'image' && !href.startsWith('/')) return null;
		return encodeURI(href);
	}
	if (kind === 'link' && LINK_PROTOCOLS.has(url.protocol)) return url.href;
	return null;
}

function decodeSafe(s: string): string {
	try {
		return decodeURI(s);
	} catch {
		return s;
	}
}

const marked = new Marked({
	gfm: true,
	breaks: false,
	async: false,
	renderer: {
		html({ text }: Tokens.HTML | Tokens.Tag): string {
			return escapeHtml(text);
		},
		// marked leaves text after a raw <pre>, <code>, <kbd> or <script> tag unescaped ("escaped");
		// raw HTML is shown as text here, so that text must be escaped like any other.
		text(token: Tokens.Text | Tokens.Escape): string {
			if ('tokens' in token && token.tokens) return this.parser.parseInline(token.tokens);
			return escapeText(token.text);
		},
		link(token: Tokens.Link): string {
			const inner = this.parser.parseInline(token.tokens);
			const href = safeUrl(token.href, 'link');
			if (href === null) return inner;
			const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
			const external = /^https?:/.test(href) ? ' target="_blank" rel="noopener noreferrer"' : '';
			return `<a href="${escapeHtml(href)}"${title}${external}>${inner}</a>`;
		},
		image(token: Tokens.Image): string {
			const src = safeUrl(token.href, 'image');
			if (src === null) return escapeHtml(token.text);
			const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
			return `<img src="${escapeHtml(src)}" alt="${escapeHtml(token.text)}"${title} loading="lazy">`;
		}
	}
});

/** Split markdown into top-level tokens (links resolved) for the lesson parser. */
export function lexMarkdown(src: string): Token[] & { links: Record<string, unknown> } {
	return marked.lexer(src) as Token[] & { links: Record<string, unknown> };
}

/** Render tokens from `lexMarkdown` to safe HTML. */
export function renderTokens(tokens: Token[]): string {
	return marked.parser(tokens);
}

/** Render markdown text to safe HTML. */
export function renderMarkdown(src: string): string {
	return marked.parse(src.replace(/\r\n?/g, '\n')) as string;
}
