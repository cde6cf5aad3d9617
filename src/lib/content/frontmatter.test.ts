import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from './frontmatter';

/** A lesson file: front matter from `fields` (one per line, from file line 2), then a body. */
function file(fields: string[], body = '正文。'): string {
	return ['---', ...fields, '---', body].join('\n');
}
const BASE = ['id: sanhui-yike', 'title: 什么是"三会一课"', 'category: 组织生活'];

function problemsOf(fields: string[]) {
	return parseFrontMatter(file(fields)).problems;
}

describe('front matter', () => {
	it('reads every field of the spec example', () => {
		const r = parseFrontMatter(
			file([
				...BASE,
				'summary: 五分钟弄清支部党员大会、支委会、党小组会和党课',
				'track: required',
				'minutes: 5',
				'credits: 2',
				'tags: [支部, 组织生活]',
				'audio: /media/sanhui-yike.mp3',
				'video: /media/sanhui-yike.mp4'
			])
		);
		expect(r.problems).toEqual([]);
		expect(r.data).toEqual({
			id: 'sanhui-yike',
			title: '什么是"三会一课"',
			summary: '五分钟弄清支部党员大会、支委会、党小组会和党课',
			category: '组织生活',
			track: 'required',
			minutes: 5,
			credits: 2,
			tags: ['支部', '组织生活'],
			audio: '/media/sanhui-yike.mp3',
			video: '/media/sanhui-yike.mp4'
		});
		expect(r.bodyLine).toBe(13);
		expect(r.body).toBe('正文。');
	});

	it('defaults optional fields: elective, no minutes, no credits, no media', () => {
		const r = parseFrontMatter(file(BASE));
		expect(r.problems).toEqual([]);
		expect(r.data).toMatchObject({
			summary: '',
			track: 'elective',
			minutes: null,
			credits: null,
			tags: [],
			audio: null,
			video: null
		});
	});

	it.each(['id', 'title', 'category'])('reports the missing required field %s', (field) => {
		const fields = BASE.filter((f) => !f.startsWith(`${field}:`));
		const problems = problemsOf(fields);
		expect(problems.map((p) => p.message)).toEqual([`front matter 缺少必填字段 ${field}`]);
		expect(problems[0]!.line).toBeGreaterThanOrEqual(1);
		expect(problems[0]!.line).toBeLessThanOrEqual(4);
	});

	it('reports a required field left empty at its own line', () => {
		expect(problemsOf(['id: abc', 'title:', 'category: 组织生活'])).toEqual([
			{ line: 3, message: 'front matter 缺少必填字段 title' }
		]);
	});

	it('reports an unknown key by name and line', () => {
		expect(problemsOf([...BASE, 'tilte: 错字', 'minutes: 5'])).toEqual([
			{ line: 5, message: 'front matter 中有无法识别的字段 tilte（请检查拼写）' }
		]);
	});

	it.each(['Sanhui', 'ab', 'san_hui', 'san hui', '三会一课', 'a'.repeat(65)])(
		'rejects the id %s',
		(id) => {
			expect(problemsOf([`id: "${id}"`, 'title: t', 'category: c'])).toEqual([
				{ line: 2, message: `id "${id}" 无效：只能用小写字母、数字和连字符，长度 3–64` }
			]);
		}
	);

	it.each(['abc', 'sanhui-yike-2', '01-x', 'a'.repeat(64)])('accepts the id %s', (id) => {
		expect(problemsOf([`id: ${id}`, 'title: t', 'category: c'])).toEqual([]);
	});

	it('counts the title and summary in characters, not bytes', () => {
		const title60 = '党'.repeat(60);
		const summary120 = '课'.repeat(119) + '😀';
		expect(
			problemsOf(['id: abc', `title: ${title60}`, 'category: c', `summary: ${summary120}`])
		).toEqual([]);
		expect(
			problemsOf(['id: abc', `title: ${title60}党`, 'category: c', `summary: ${summary120}x`])
		).toEqual([
			{ line: 3, message: 'title 不能超过 60 个字（现在 61 个）' },
			{ line: 5, message: 'summary 不能超过 120 个字（现在 121 个）' }
		]);
	});

	it.each([
		['required', 'required'],
		['elective', 'elective'],
		['必修', 'required'],
		['选修', 'elective']
	])('reads track %s', (value, track) => {
		const r = parseFrontMatter(file([...BASE, `track: ${value}`]));
		expect(r.problems).toEqual([]);
		expect(r.data?.track).toBe(track);
	});

	it('rejects any other track at its line', () => {
		expect(problemsOf([...BASE, 'track: optional'])).toEqual([
			{ line: 5, message: 'track "optional" 无效：应为 required（必修）或 elective（选修）' }
		]);
	});

	it.each([
		['minutes: 1', []],
		['minutes: 60', []],
		['minutes: 0', ['minutes 应为 1 到 60 之间的整数']],
		['minutes: 61', ['minutes 应为 1 到 60 之间的整数']],
		['minutes: 2.5', ['minutes 应为 1 到 60 之间的整数']],
		['minutes: "5"', ['minutes 应为 1 到 60 之间的整数']],
		['credits: 0', []],
		['credits: 100', []],
		['credits: 101', ['credits 应为 0 到 100 之间的整数']],
		['credits: -1', ['credits 应为 0 到 100 之间的整数']],
		['credits: many', ['credits 应为 0 到 100 之间的整数']]
	])('checks the integer range of %s', (line, messages) => {
		const problems = problemsOf([...BASE, line]);
		expect(problems.map((p) => p.message)).toEqual(messages);
		for (const p of problems) expect(p.line).toBe(5);
	});

	it('reads tags as a list, a block list or comma-separated text', () => {
		const tags = (line: string) => parseFrontMatter(file([...BASE, line])).data?.tags;
		expect(tags('tags: [支部, 组织生活]')).toEqual(['支部', '组织生活']);
		expect(tags('tags: 支部，组织生活、党课')).toEqual(['支部', '组织生活', '党课']);
		expect(parseFrontMatter(file([...BASE, 'tags:', '  - 支部', '  - 党课'])).data?.tags).toEqual([
			'支部',
			'党课'
		]);
		expect(problemsOf([...BASE, 'tags: {a: 1}'])).toEqual([
			{ line: 5, message: 'tags 应为文字列表，例如 [支部, 组织生活]' }
		]);
	});

	it.each(['/media/a.mp3', '/uploads/2024/课.mp3'])(
		'accepts the platform media path %s',
		(path) => {
			const r = parseFrontMatter(file([...BASE, `audio: ${path}`, `video: ${path}`]));
			expect(r.problems).toEqual([]);
			expect(r.data).toMatchObject({ audio: path, video: path });
		}
	);

	it.each([
		'https://example.com/a.mp3',
		'http://example.com/a.mp4',
		'//example.com/a.mp3',
		'media/a.mp3',
		'javascript:alert(1)',
		'data:audio/mp3;base64,AAAA'
	])('rejects the external or relative media URL %s', (url) => {
		expect(problemsOf([...BASE, `audio: "${url}"`, `video: "${url}"`])).toEqual([
			{ line: 5, message: 'audio 只能引用平台内的文件（以 / 开头的路径），不能是外部网址' },
			{ line: 6, message: 'video 只能引用平台内的文件（以 / 开头的路径），不能是外部网址' }
		]);
	});

	// A browser reads `/\host/x` and `/<tab>/host/x` as `//host/x`: another site, not a platform path.
	it.each(['/\\\\example.com/a.mp3', '/\\t/example.com/a.mp3', '/\\n/example.com/a.mp3'])(
		'rejects the media path %s, which a browser loads from another host',
		(yamlEscaped) => {
			const value = JSON.parse(`"${yamlEscaped}"`) as string;
			expect(new URL(value, 'https://gongxue.invalid/').host).toBe('example.com');
			expect(problemsOf([...BASE, `audio: "${yamlEscaped}"`])).toEqual([
				{ line: 5, message: 'audio 只能引用平台内的文件（以 / 开头的路径），不能是外部网址' }
			]);
		}
	);

	it('reports a file without front matter at line 1, keeping the body', () => {
		const r = parseFrontMatter('# 标题\n正文');
		expect(r.data).toBeNull();
		expect(r.body).toBe('# 标题\n正文');
		expect(r.problems).toEqual([
			{
				line: 1,
				message: '缺少 front matter：文件应以一行 --- 开头，写明 id、title、category 等字段'
			}
		]);
	});

	it('reports front matter that is never closed', () => {
		const r = parseFrontMatter('---\nid: abc\ntitle: t\n正文');
		expect(r.data).toBeNull();
		expect(r.problems).toEqual([
			{ line: 1, message: 'front matter 没有结束：请在字段之后加一行 ---' }
		]);
	});

	it.each([
		[['id: abc', 'title: @t', 'category: c'], 3, '值以 @、`、: 等符号开头时请加引号'],
		[['id: abc', 'title: t', 'category: c', '\tminutes: 5'], 5, '不能用 Tab 缩进'],
		[['id: abc', 'title: t', 'category: c', 'id: def'], 5, '同一个字段写了两次'],
		[['id: abc', 'title: t', 'category: c', 'minutes 5', 'credits: 2'], 5, '这一行缺少冒号']
	])('reports the YAML syntax error in %j at its file line', (fields, line, detail) => {
		const r = parseFrontMatter(file(fields));
		expect(r.data).toBeNull();
		expect(r.problems[0]!.line).toBe(line);
		expect(r.problems[0]!.message).toContain('front matter 格式错误：');
		expect(r.problems[0]!.message).toContain(detail);
		expect(r.bodyLine).toBe(fields.length + 3);
	});

	it('reports front matter that is not key: value', () => {
		expect(parseFrontMatter(file(['- a', '- b'])).problems).toEqual([
			{ line: 2, message: 'front matter 应为"字段: 值"的形式' }
		]);
	});
});
