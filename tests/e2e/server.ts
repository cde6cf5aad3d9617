import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import PocketBase from 'pocketbase';
import { seedLessons } from '../../scripts/pocketbase/seed.js';
import { startPocketBase, type Server } from '../../scripts/pocketbase/server.js';

const SUPERUSER = { email: 'root@e2e.gongxue.test', password: 'root-password-123' };

export interface Backend {
	/** The app and the API, on one origin, as production serves them. */
	url: string;
	su: PocketBase;
	joinCode: string;
	server: Server;
	/** Kill PocketBase (as a crash would) and start it again on the same data and port. */
	restart(): Promise<void>;
}

/** Tests against the real server: PocketBase serving the built app, one per worker. */
export const test = base.extend<object, { backend: Backend }>({
	backend: [
		// Playwright reads a fixture's dependencies from this pattern; this one has none.
		// eslint-disable-next-line no-empty-pattern
		async ({}, use, workerInfo) => {
			const dir = mkdtempSync(join(tmpdir(), 'gongxue-e2e-'));
			const server = await startPocketBase({ dir, superuser: SUPERUSER });
			const su = new PocketBase(server.url);
			su.autoCancellation(false);
			await su.collection('_superusers').authWithPassword(SUPERUSER.email, SUPERUSER.password);
			await seedLessons(su, 'build');
			const { rateLimits } = await su.settings.getAll();
			await su.settings.update({ rateLimits: { ...rateLimits, excludedIPs: ['127.0.0.1'] } });
			const org = await su
				.collection('organisations')
				.create({ name: '测试组织', code: `e2e-${workerInfo.workerIndex}` });
			const joinCode = `E2E${workerInfo.workerIndex}CODE`;
			await su
				.collection('branches')
				.create({ name: '测试支部', organisation: org.id, join_code: joinCode });
			const backend: Backend = {
				url: server.url,
				su,
				joinCode,
				server,
				async restart() {
					const exited = new Promise((r) => backend.server.process.once('exit', r));
					backend.server.process.kill('SIGKILL');
					await exited;
					backend.server = await startPocketBase({
						dir,
						port: backend.server.port,
						superuser: SUPERUSER
					});
					await su.collection('_superusers').authWithPassword(SUPERUSER.email, SUPERUSER.password);
				}
			};
			await use(backend);
			await backend.server.stop();
			rmSync(dir, { recursive: true, force: true });
		},
		{ scope: 'worker' }
	]
});

export { expect };

let n = 0;

/** Register a new member through the app's own form; returns their email. */
export async function register(page: Page, backend: Backend): Promise<string> {
	const email = `m${Date.now().toString(36)}${n++}@e2e.gongxue.test`;
	await page.goto(`${backend.url}/login`);
	await page.locator('html[data-hydrated]').waitFor();
	await page.getByRole('tab', { name: '注册' }).click();
	await page.getByLabel('支部加入码').fill(backend.joinCode);
	await page.getByLabel('姓名').fill('测试党员');
	await page.getByLabel('邮箱').fill(email);
	await page.getByLabel('密码').fill('member-password-123');
	await page.getByRole('button', { name: '注册并登录' }).click();
	await page.waitForURL('**/me');
	return email;
}

/** The member's events and point total as the server has them. */
export async function serverView(backend: Backend, email: string) {
	const user = await backend.su
		.collection('users')
		.getFirstListItem(backend.su.filter('email = {:email}', { email }));
	const events = await backend.su
		.collection('events')
		.getFullList({ filter: `user = "${user.id}"` });
	return {
		user,
		events,
		ids: new Set(events.map((e) => e.event_id)),
		points: events.reduce((s, e) => s + e.points, 0)
	};
}
