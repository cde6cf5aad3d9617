import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { serveStatic } from '../../scripts/serve.js';
import { answer, builtIndex, builtLesson, waitForOfflineReady } from './helpers';

let dir: string;
let server: Server;
let base: string;

test.beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'gongxue-update-'));
	cpSync('build', dir, { recursive: true });
	server = await serveStatic(dir, 0);
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => {
	server.close();
	rmSync(dir, { recursive: true, force: true });
});

test('a new version waits for the member, and updating mid-quiz loses no answer', async ({
	page
}) => {
	const lesson = builtLesson(builtIndex().lessons.find((l) => l.questionCount >= 3)!.id);
	await page.goto(`${base}/lessons/${lesson.id}`);
	await page.locator('html[data-hydrated]').waitFor();
	await waitForOfflineReady(page);

	const quiz = page.getByRole('region', { name: '课后测验' });
	await quiz.getByRole('button', { name: '开始答题' }).click();
	await answer(page, lesson.questions[0]!, true);
	await quiz.getByRole('button', { name: '下一题' }).click();

	// Deploy a new version: a changed service worker.
	const sw = join(dir, 'service-worker.js');
	writeFileSync(sw, `${readFileSync(sw, 'utf8')}\n// next version\n`);
	await page.evaluate(async () => {
		const reg = await navigator.serviceWorker.getRegistration();
		await reg?.update();
	});

	const banner = page.getByRole('alert').filter({ hasText: '共学有新版本' });
	await expect(banner).toContainText('答题进度已保存');
	// Nothing happens until the member agrees.
	await expect(quiz).toContainText(`第 2 / ${lesson.questions.length} 题`);
	// The page reloads itself once the new version takes control.
	await Promise.all([
		page.waitForEvent('load'),
		banner.getByRole('button', { name: '立即更新' }).click()
	]);
	await page.locator('html[data-hydrated]').waitFor();
	await expect(quiz).toContainText(`第 2 / ${lesson.questions.length} 题`);
	await expect(page.getByRole('alert').filter({ hasText: '共学有新版本' })).toHaveCount(0);
});
