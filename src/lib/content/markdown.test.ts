import { readFileSync } from 'node:fs';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderMarkdown, safeUrl } from './index';

interface Payload {
	name: string;
	markdown: string;
	/** For raw HTML: text that must still show, escaped, so the author sees what they wrote. */
	showsText?: string;
}

const payloads = JSON.parse(
	readFileSync(new URL('../../../tests/fixtures/xss-payloads.json', import.meta.url), 'utf8')
) as Payload[];

const BASE = 'https://gongxue.invalid/';
const TAGS = new Set(
	'p h1 h2 h3 h4 h5 h6 ul ol li blockquote pre code em strong del a img table thead tbody tr th td hr br input'.split(
		' '
	)
);
/** Attributes marked's output may carry, per tag; anything else is a finding. */
const ATTRS: Record<string, Set<string>> = {
	a: new Set(['href', 'title', 'target', 'rel']),
	img: new Set(['src', 'alt', 'title', 'loading']),
	input: new Set(['type', 'checked', 'disabled']),
	th: new Set(['align']),
	td: new Set(['align']),
	ol: new Set(['start']),
	code: new Set(['class'])
};

function body(html: string): HTMLElement {
	return new JSDOM(`<!DOCTYPE html><html><body>${html}</body></html>`).window.document.body;
}

/** Every reason the rendered html is unsafe; empty when it is safe. */
function findings(html: string): string[] {
	const out: string[] = [];
	for (const el of body(html).querySelectorAll('*')) {
		const tag = el.tagName.toLowerCase();
		if (!TAGS.has(tag)) out.push(`tag <${tag}>`);
		for (const { name, value } of [...el.attributes]) {
			if (name.startsWith('on')) out.push(`event handler ${name} on <${tag}>`);
			if (name === 'style') out.push(`style on <${tag}>`);
			if (!ATTRS[tag]?.has(name)) out.push(`attribute ${name}="${value}" on <${tag}>`);
		}
		if (
			tag === 'input' &&
			(el.getAttribute('type') !== 'checkbox' || !el.hasAttribute('disabled'))
		) {
			out.push('input other than a disabled checkbox');
		}
		if (
			tag === 'code' &&
			el.hasAttribute('class') &&
			!/^language-\S+$/.test(el.getAttribute('class')!)
		) {
			out.push(`code class ${el.getAttribute('class')}`);
		}
		if (tag === 'a' && el.hasAttribute('target')) {
			if (
				el.getAttribute('target') !== '_blank' ||
				!/\bnoopener\b/.test(el.getAttribute('rel') ?? '')
			) {
				out.push('target without rel=noopener');
			}
		}
		const url =
			tag === 'a' ? el.getAttribute('href') : tag === 'img' ? el.getAttribute('src') : null;
		if (url === null) continue;
		let resolved: URL;
		try {
			resolved = new URL(url, BASE);
		} catch {
			out.push(`unparsable URL ${url}`);
			continue;
		}
		if (/^(javascript|vbscript|data):/i.test(resolved.href))
			out.push(`${tag} URL ${url} → ${resolved.href}`);
		const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(url.trim());
		if (
			tag === 'a' &&
			hasScheme &&
			!['http:', 'https:', 'mailto:', 'tel:'].includes(resolved.protocol)
		) {
			out.push(`link protocol ${resolved.protocol}`);
		}
		if (
			tag === 'a' &&
			!hasScheme &&
			new URL(url, BASE).origin !== new URL(BASE).origin &&
			!/^\/\//.test(url)
		) {
			out.push(`relative link ${url} leaves the site`);
		}
		if (tag === 'img' && (!url.startsWith('/') || resolved.origin !== new URL(BASE).origin)) {
			out.push(`image from ${url} (${resolved.href}), not a platform path`);
		}
	}
	return out;
}

const window = new JSDOM('').window;
const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);

/** What DOMPurify removes from the html (target=_blank is allowed: links carry rel=noopener). */
function purifyDiff(html: string): { removed: number; same: boolean } {
	const clean = purify.sanitize(html, { ADD_ATTR: ['target'] });
	return { removed: purify.removed.length, same: body(clean).innerHTML === body(html).innerHTML };
}

describe('the XSS corpus', () => {
	it('holds at least 40 distinct payloads', () => {
		expect(payloads.length).toBeGreaterThanOrEqual(40);
		expect(new Set(payloads.map((p) => p.name)).size).toBe(payloads.length);
	});

	it.each(payloads.map((p) => [p.name, p] as const))('renders %s safely', (_name, p) => {
		const html = renderMarkdown(p.markdown);
		expect(findings(html), html).toEqual([]);
		expect(purifyDiff(html), html).toEqual({ removed: 0, same: true });
		if (p.showsText !== undefined) {
			const text = body(html).textContent ?? '';
			expect(text.replace(/\s+/g, ' '), html).toContain(p.showsText.replace(/\s+/g, ' ').trim());
		}
	});
});

describe('the checks themselves', () => {
	it('flag unsafe html', () => {
		expect(findings('<p><a href="javascript:alert(1)">x</a></p>')).not.toEqual([]);
		expect(findings('<img src="x" onerror="alert(1)">')).not.toEqual([]);
		expect(findings('<img src="//evil.example/x.png">')).not.toEqual([]);
		expect(findings('<script>alert(1)</script>')).not.toEqual([]);
		expect(purifyDiff('<a href="java&#x73;cript:alert(1)">x</a>').same).toBe(false);
	});
});

describe('ordinary markdown', () => {
	it('renders headings, paragraphs, emphasis and lists', () => {
		const html = renderMarkdown(
			'# 一级\n\n## 二级\n\n段落 **重点** *强调* ~~删除~~ `代码`\n\n- 甲\n- 乙\n\n3. 丙\n4. 丁\n'
		);
		expect(html).toContain('<h1>一级</h1>');
		expect(html).toContain('<h2>二级</h2>');
		expect(html).toContain(
			'<p>段落 <strong>重点</strong> <em>强调</em> <del>删除</del> <code>代码</code></p>'
		);
		expect(html).toMatch(/<ul>\s*<li>甲<\/li>\s*<li>乙<\/li>\s*<\/ul>/);
		expect(html).toMatch(/<ol start="3">\s*<li>丙<\/li>\s*<li>丁<\/li>\s*<\/ol>/);
		expect(findings(html)).toEqual([]);
	});

	it('renders tables, block quotes, rules and code blocks', () => {
		const html = renderMarkdown(
			'| 会议 | 频次 |\n| :-- | --: |\n| 党员大会 | 每季度 |\n\n> 引用\n\n---\n\n```js\nlet a = "<b>";\n```\n'
		);
		const b = body(html);
		expect([...b.querySelectorAll('th')].map((e) => e.textContent)).toEqual(['会议', '频次']);
		expect([...b.querySelectorAll('td')].map((e) => e.textContent)).toEqual(['党员大会', '每季度']);
		expect(b.querySelector('blockquote')?.textContent?.trim()).toBe('引用');
		expect(b.querySelector('hr')).not.toBeNull();
		expect(b.querySelector('pre code.language-js')?.textContent).toBe('let a = "<b>";\n');
		expect(findings(html)).toEqual([]);
	});

	it('links to the web open in a new tab with rel="noopener noreferrer"', () => {
		const html = renderMarkdown('[党章](https://www.12371.cn/dz/ "中国共产党章程")');
		expect(html).toBe(
			'<p><a href="https://www.12371.cn/dz/" title="中国共产党章程" target="_blank" rel="noopener noreferrer">党章</a></p>\n'
		);
		expect(renderMarkdown('<https://example.com>')).toContain('rel="noopener noreferrer"');
		expect(renderMarkdown('[x](http://example.com/a?b=1&c=2)')).toContain(
			'href="http://example.com/a?b=1&amp;c=2"'
		);
	});

	it('links within the platform stay in the tab', () => {
		expect(renderMarkdown('[下一课](/lessons/x)')).toBe('<p><a href="/lessons/x">下一课</a></p>\n');
		expect(renderMarkdown('[三会](/lessons/三会)')).toContain('href="/lessons/%E4%B8%89%E4%BC%9A"');
		expect(renderMarkdown('[邮件](mailto:dzb@example.com) [电话](tel:+8610123)')).toBe(
			'<p><a href="mailto:dzb@example.com">邮件</a> <a href="tel:+8610123">电话</a></p>\n'
		);
	});

	it('shows images from the platform and only the alt text of others', () => {
		expect(renderMarkdown('![会场](/media/x.png)')).toBe(
			'<p><img src="/media/x.png" alt="会场" loading="lazy"></p>\n'
		);
		expect(renderMarkdown('![会场](https://evil.example/x.png)')).toBe('<p>会场</p>\n');
		expect(renderMarkdown('![会场](media/x.png)')).toBe('<p>会场</p>\n');
	});

	it('shows raw HTML as text, and reads CRLF like LF', () => {
		expect(renderMarkdown('文字 <b>粗</b>')).toBe('<p>文字 &lt;b&gt;粗&lt;/b&gt;</p>\n');
		expect(renderMarkdown('# 标题\r\n\r\n- 甲\r\n- 乙\r\n')).toBe(
			renderMarkdown('# 标题\n\n- 甲\n- 乙\n')
		);
	});
});

describe('escapeHtml and safeUrl', () => {
	it('escape the five HTML characters', () => {
		expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
			'&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;'
		);
	});

	it.each([
		['https://a.example/x', 'link', 'https://a.example/x'],
		['/lessons/x', 'link', '/lessons/x'],
		['x.md', 'link', 'x.md'],
		['#part', 'link', '#part'],
		['/media/a.png', 'image', '/media/a.png'],
		['javascript:alert(1)', 'link', null],
		[' \tjavascript:alert(1)', 'link', null],
		['data:text/html,x', 'link', null],
		['ftp://a.example/', 'link', null],
		['https://a.example/x.png', 'image', null],
		['//a.example/x.png', 'image', null],
		['a.png', 'image', null],
		['java%73cript:alert(1)', 'link', null]
	] as const)('safeUrl(%j, %s) is %j', (raw, kind, expected) => {
		expect(safeUrl(raw, kind)).toBe(expected);
	});
});
