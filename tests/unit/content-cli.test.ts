import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const temp = mkdtempSync(join(tmpdir(), 'gongxue-cli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const BAD_LESSON = `---
id: bad-lesson
title: 一节写错的课
category: 组织生活
colour: red
---

正文。

\`\`\`quiz
1.【单选】党员大会一般每季度召开（ ）次。
A. 1
B. 2
答案：E
\`\`\`
`;

function run(cmd: string, args: string[], cwd = root) {
	const r = spawnSync(cmd, args, {
		cwd,
		encoding: 'utf8',
		env: { ...process.env, FORCE_COLOR: '0' }
	});
	return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('npm run content:check', () => {
	it('passes the built-in curriculum and exits 0', () => {
		const r = run('npx', ['tsx', 'scripts/content-check.ts']);
		expect(r.out).toMatch(/检查通过：\d+ 节课/);
		expect(r.status).toBe(0);
	});

	it('prints one path:line: message per problem and exits 1', () => {
		const file = join(temp, 'bad.md');
		writeFileSync(file, BAD_LESSON);
		const r = run('npx', ['tsx', 'scripts/content-check.ts', file]);
		expect(r.status).toBe(1);
		expect(r.out).toContain(`${file}:5: front matter 中有无法识别的字段 colour`);
		expect(r.out).toContain(`${file}:14: 第1题：答案"E"不在选项 A–B 之中`);
	});
});

describe('the build', () => {
	it('fails on a malformed lesson, naming its path and line', { timeout: 120_000 }, () => {
		const project = join(temp, 'project');
		for (const part of [
			'src',
			'static',
			'content',
			'scripts',
			'package.json',
			'svelte.config.js',
			'vite.config.ts',
			'tsconfig.json'
		]) {
			cpSync(join(root, part), join(project, part), { recursive: true });
		}
		symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'));
		writeFileSync(join(project, 'content/lessons/99-bad.md'), BAD_LESSON);
		const r = run(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], project);
		expect(r.status).not.toBe(0);
		expect(r.out).toContain('content/lessons/99-bad.md:5: front matter 中有无法识别的字段 colour');
		expect(r.out).toContain('content/lessons/99-bad.md:14: 第1题：答案"E"不在选项 A–B 之中');
	});
});
