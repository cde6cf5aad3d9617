import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import PocketBase from 'pocketbase';
import { freePort } from '../../scripts/pocketbase/server.js';

/** Run `npm start` (node scripts/start.js) until it reports ready; returns its output and a stop. */
async function start(dir: string, port: number) {
	const child = spawn(process.execPath, ['scripts/start.js'], {
		env: { ...process.env, GONGXUE_DATA: dir, PORT: String(port) },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	await new Promise<void>((resolve, reject) => {
		child.stdout.on('data', (d: Buffer) => {
			out += d.toString();
			if (out.includes('按 Ctrl+C 停止')) resolve();
		});
		child.stderr.on('data', (d: Buffer) => (out += d.toString()));
		child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${out}`)));
	});
	const stop = () =>
		new Promise<void>((resolve) => {
			child.once('exit', () => resolve());
			child.kill('SIGTERM');
		});
	return { out, stop };
}

test('npm start serves the app and the API on one origin, seeds the demo once, and prints the logins', async ({
	page
}) => {
	test.setTimeout(120_000);
	const dir = mkdtempSync(join(tmpdir(), 'gongxue-start-'));
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	try {
		const first = await start(dir, port);
		expect(first.out).toContain(`共学已启动：${url}/`);
		expect(first.out).toMatch(/shuji\.yanfa@demo\.gongxue\.cn/);
		expect((await fetch(`${url}/api/health`)).ok).toBe(true);
		await page.goto(`${url}/lessons`);
		await page.locator('html[data-hydrated]').waitFor();
		await expect(page.getByRole('heading', { level: 1, name: '课程' })).toBeVisible();
		await first.stop();

		const second = await start(dir, port);
		const su = new PocketBase(url);
		su.autoCancellation(false);
		await su
			.collection('_superusers')
			.authWithPassword('root@demo.gongxue.cn', 'gongxue-root-demo');
		const users = await su.collection('users').getFullList();
		expect(users).toHaveLength(new Set(users.map((u) => u.email)).size);
		expect(await su.collection('organisations').getFullList()).toHaveLength(1);
		expect(await su.collection('branches').getFullList()).toHaveLength(3);
		const demo = new PocketBase(url);
		await demo
			.collection('users')
			.authWithPassword('dangyuan1.yanfa@demo.gongxue.cn', 'gongxue-demo');
		const board = await demo.send('/api/gongxue/leaderboard', { query: { period: 'all' } });
		expect(board.branches).toHaveLength(3);
		await second.stop();
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
