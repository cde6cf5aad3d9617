import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import PocketBase from 'pocketbase';
import { seedBanks, seedLessons } from '../../scripts/pocketbase/seed.js';
import { startPocketBase, type Server } from '../../scripts/pocketbase/server.js';
import { waitForOfflineReady } from './helpers';

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
			await seedBanks(su, 'build');
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

/** The password of every person the tests make. */
export const PASSWORD = 'member-password-123';
let people = 0;

/** A PocketBase client signed in as `email` (someone using the API from another device). */
export async function signedIn(backend: Backend, email: string): Promise<PocketBase> {
	const pb = new PocketBase(backend.url);
	pb.autoCancellation(false);
	await pb.collection('users').authWithPassword(email, PASSWORD);
	return pb;
}

/** An account in the test branch, made by the superuser (someone who uses it from another device). */
export async function makeUser(
	backend: Backend,
	role: 'member' | 'secretary' | 'admin' = 'member',
	name = `${{ member: '党员', secretary: '书记', admin: '管理员' }[role]}${people + 1}`
) {
	const branch = await backend.su
		.collection('branches')
		.getFirstListItem(backend.su.filter('join_code = {:c}', { c: backend.joinCode }));
	const email = `s${Date.now().toString(36)}${people++}@e2e.gongxue.test`;
	const user = await backend.su.collection('users').create({
		email,
		password: PASSWORD,
		passwordConfirm: PASSWORD,
		name,
		branch: branch.id,
		role
	});
	return { id: user.id, email, name };
}

/** A person of the test branch, made by the superuser, signed in on a page of their own; with
 * `offline`, their browser has the app installed for offline use before this returns. */
export async function person(
	browser: Browser,
	backend: Backend,
	role: 'member' | 'secretary' | 'admin' = 'member',
	opts: { offline?: boolean } = {}
) {
	const { id, email, name } = await makeUser(backend, role);
	// Only a person who goes offline needs the service worker; for the others its install (the
	// whole precache, in every browser) is work the test does not need.
	const context = await browser.newContext({
		serviceWorkers: opts.offline ? 'allow' : 'block'
	});
	const page = await context.newPage();
	// A controllable clock: study time (the rules' minimum) passes in a moment.
	await page.clock.install();
	await page.goto(`${backend.url}/login`);
	await page.locator('html[data-hydrated]').waitFor();
	await page.getByLabel('邮箱').fill(email);
	await page.getByLabel('密码').fill(PASSWORD);
	await page.getByRole('button', { name: '登录', exact: true }).click();
	await page.waitForURL('**/me');
	// As on a real phone, the app works offline only once it is installed: a test that went
	// offline before would find pages it never opened missing.
	if (opts.offline) await waitForOfflineReady(page);
	return { id, email, name, page, context };
}

let n = 0;

/** Register a new member through the app's own form, the app then ready offline; returns their
 * email. */
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
	// A first visit: the app is installed for offline use before the member loses the network.
	await waitForOfflineReady(page);
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
