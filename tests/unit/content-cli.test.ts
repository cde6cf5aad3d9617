import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const temp = mkdtempSync(join(tmpdir(), 'gongxue-cli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const BAD_LESSON = readFileSync(join(root, 'tests/fixtures/bad-lesson.md'), 'utf8');

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
