import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';

test('a malformed lesson fails the build, naming its path and line', () => {
	test.setTimeout(120_000);
	const root = resolve(import.meta.dirname, '../..');
	const project = mkdtempSync(join(tmpdir(), 'gongxue-build-'));
	try {
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
		cpSync(join(root, 'tests/fixtures/bad-lesson.md'), join(project, 'content/lessons/99-bad.md'));
		const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
			cwd: project,
			encoding: 'utf8',
			env: { ...process.env, FORCE_COLOR: '0' }
		});
		const out = `${r.stdout}${r.stderr}`;
		expect(r.status).not.toBe(0);
		expect(out).toContain('content/lessons/99-bad.md:5: front matter 中有无法识别的字段 colour');
		expect(out).toContain('content/lessons/99-bad.md:14: 第1题：答案"E"不在选项 A–B 之中');
	} finally {
		rmSync(project, { recursive: true, force: true });
	}
});
