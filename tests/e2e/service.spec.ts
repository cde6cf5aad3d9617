// 服务活动 and 会议签到 in Chromium against the real server: a member submits an activity with a
// photo, the secretary approves it in the studio and the member's points rise; a rejection's
// reason reaches the member; a meeting's QR code, scanned with no network, checks the member in,
// and once online the server has the check-in once, with its points.
import type { Page } from '@playwright/test';
import decodeQR from 'qr/decode.js';
import { serverDay } from '../../src/lib/credits/engine';
import { open } from './helpers';
import { expect, person, register, serverView, test, type Backend } from './server';

const png = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
	'base64'
);

/** The member fills in 登记活动 and sends it. */
async function submitActivity(
	page: Page,
	backend: Backend,
	a: { kind: string; hours: string; note: string; photo?: boolean }
) {
	await open(page, `${backend.url}/me/service`);
	const form = page.getByRole('region', { name: '登记活动' });
	await form.getByLabel('活动类型').selectOption({ label: a.kind });
	await form.getByLabel('时长（小时）').fill(a.hours);
	await form.getByLabel('说明').fill(a.note);
	if (a.photo) {
		await form
			.getByLabel('照片')
			.setInputFiles({ name: 'huodong.png', mimeType: 'image/png', buffer: png });
		await expect(form.getByText('huodong.png')).toBeVisible();
	}
	await form.getByRole('button', { name: '提交审核' }).click();
	await expect(form.getByRole('status')).toHaveText('已提交，等待支部书记审核。');
}

const activitiesOf = (backend: Backend, member: string) =>
	backend.su
		.collection('service_activities')
		.getFullList({ filter: backend.su.filter('member = {:member}', { member }) });

test('a member’s activity with a photo, approved in the studio, raises their points', async ({
	browser,
	backend
}) => {
	const member = await person(browser, backend);
	await submitActivity(member.page, backend, {
		kind: '志愿服务',
		hours: '3',
		note: '社区反诈宣传',
		photo: true
	});
	const mine = member.page.getByRole('region', { name: '我的活动' });
	await expect(mine.getByRole('listitem')).toHaveCount(1);
	await expect(mine.getByRole('listitem')).toContainText('待审核');
	await expect
		.poll(() => mine.getByRole('img').evaluate((img: HTMLImageElement) => img.naturalWidth))
		.toBeGreaterThan(0);
	const [stored] = await activitiesOf(backend, member.id);
	expect(stored).toMatchObject({ kind: 'volunteer', hours: 3, date: serverDay(Date.now()) });
	expect(stored?.photo).toMatch(/\.png$/);

	const secretary = await person(browser, backend, 'secretary');
	await open(secretary.page, `${backend.url}/studio/service`);
	const queue = secretary.page.getByRole('region', { name: '待审核的活动' });
	const item = queue.getByRole('listitem', { name: `${member.name} · 志愿服务` });
	await expect(item).toContainText('3 小时 · 按规则可得 6 分');
	await expect(item).toContainText('社区反诈宣传');
	const photo = item.getByRole('img', { name: '活动照片' });
	await expect
		.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth))
		.toBeGreaterThan(0);
	await item.getByRole('button', { name: '通过', exact: true }).click();
	await expect(queue.getByRole('status')).toHaveText(`已通过 ${member.name} 的活动，计 6 分。`);
	await expect(item).toHaveCount(0);

	const server = await serverView(backend, member.email);
	const approvals = server.events.filter((e) => e.type === 'service.approved');
	expect(approvals.map((e) => [e.status, e.points])).toEqual([['accepted', 6]]);
	expect(server.points).toBe(6);

	// The member's page: the points confirmed, the ledger's entry, the activity approved.
	await member.page.getByRole('navigation').getByRole('link', { name: '我的' }).click();
	await member.page.getByRole('button', { name: '立即同步' }).click();
	await expect(member.page.getByTestId('points-confirmed')).toHaveText('6');
	const ledger = member.page.getByRole('region', { name: '积分明细' });
	await expect(ledger.getByRole('listitem').filter({ hasText: '服务活动' })).toContainText(
		`志愿服务 · 3 小时 · ${serverDay(Date.now())}`
	);
	await member.page.getByRole('link', { name: /服务活动/ }).click();
	await expect(mine.getByRole('listitem')).toContainText('已通过');
	await expect(mine.getByRole('listitem')).toContainText('+6 分');
	await member.context.close();
	await secretary.context.close();
});

test('a rejection needs its reason, and the member reads it', async ({ browser, backend }) => {
	const member = await person(browser, backend);
	await submitActivity(member.page, backend, {
		kind: '主题党日',
		hours: '2',
		note: '参观红色教育基地'
	});

	const secretary = await person(browser, backend, 'secretary');
	await open(secretary.page, `${backend.url}/studio/service`);
	const queue = secretary.page.getByRole('region', { name: '待审核的活动' });
	const item = queue.getByRole('listitem', { name: `${member.name} · 主题党日` });
	await item.getByRole('button', { name: '不通过' }).click();
	await item.getByRole('button', { name: '确认不通过' }).click();
	await expect(queue.getByRole('alert')).toHaveText('请写明不通过的原因，提交人会看到它。');
	const reason = '未见活动照片，请补充后重新提交';
	await item.getByLabel('不通过的原因').fill(reason);
	await item.getByRole('button', { name: '确认不通过' }).click();
	await expect(queue.getByRole('status')).toHaveText(
		`已退回 ${member.name} 的活动，原因已告知提交人。`
	);
	expect(await activitiesOf(backend, member.id)).toMatchObject([{ status: 'rejected', reason }]);

	await member.page.reload();
	const mine = member.page.getByRole('region', { name: '我的活动' });
	await expect(mine.getByRole('listitem')).toContainText('未通过');
	await expect(mine.getByRole('listitem')).toContainText(`原因：${reason}`);
	expect((await serverView(backend, member.email)).points).toBe(0);
	await member.context.close();
	await secretary.context.close();
});

/** The QR code on screen, read back as a phone's camera would: the SVG drawn into pixels. */
async function scan(page: Page, name: string): Promise<string> {
	const svg = page.getByRole('img', { name });
	await expect(svg).toBeVisible();
	const image = await svg.evaluate(async (el) => {
		const size = 300;
		// Drawn at a set size: an SVG image without one is laid out at 300 × 150.
		const copy = el.cloneNode(true) as SVGSVGElement;
		copy.setAttribute('width', String(size));
		copy.setAttribute('height', String(size));
		const source = new XMLSerializer().serializeToString(copy);
		const img = new Image();
		img.src = URL.createObjectURL(new Blob([source], { type: 'image/svg+xml' }));
		await img.decode();
		const canvas = document.createElement('canvas');
		canvas.width = canvas.height = size;
		const ctx = canvas.getContext('2d')!;
		ctx.drawImage(img, 0, 0, size, size);
		return { width: size, height: size, data: Array.from(ctx.getImageData(0, 0, size, size).data) };
	});
	return decodeQR({ ...image, data: new Uint8Array(image.data) });
}

test('a QR check-in made offline is synced once, with its points', async ({
	browser,
	page,
	context,
	backend
}) => {
	const secretary = await person(browser, backend, 'secretary');
	await open(secretary.page, `${backend.url}/studio/service`);
	const form = secretary.page.getByRole('form', { name: '创建会议' });
	// The meeting began ten minutes ago and lasts an hour, by the secretary's own clock.
	const [from, to] = await secretary.page.evaluate(() =>
		[-10, 50].map((m) => {
			const d = new Date(Date.now() + m * 60_000 - new Date().getTimezoneOffset() * 60_000);
			return d.toISOString().slice(0, 16);
		})
	);
	await form.getByLabel('会议名称').fill('十一月支部党员大会');
	await form.getByLabel('开始时间').fill(from!);
	await form.getByLabel('结束时间').fill(to!);
	await form.getByRole('button', { name: '创建会议' }).click();
	await expect(form.getByRole('status')).toHaveText('已创建“十一月支部党员大会”。');
	const meeting = secretary.page.getByRole('listitem', { name: '十一月支部党员大会' });
	await meeting.getByRole('button', { name: '显示签到码' }).click();
	const url = await scan(secretary.page, '“十一月支部党员大会”的签到二维码');
	expect(url).toMatch(new RegExp(`^${backend.url}/checkin\\?m=[a-z0-9]{15}&t=[a-z0-9]{24}$`));
	await expect(meeting.getByRole('link', { name: url })).toBeVisible();

	// The member's phone has the app installed, and no network at the meeting.
	const email = await register(page, backend);
	await context.setOffline(true);
	await open(page, url);
	await expect(page.getByRole('heading', { name: '会议信息联网后显示' })).toBeVisible();
	await page.getByRole('button', { name: '签到', exact: true }).click();
	const done = page.getByRole('status').filter({ hasText: '已签到' });
	await expect(done).toContainText('签到已保存在本机，联网后自动同步。');
	const sync = page.getByRole('status').filter({ hasText: /待同步|已同步/ });
	await expect(sync).toContainText('待同步 1');
	// Scanning again changes nothing: one check-in, one event.
	await open(page, url);
	await expect(done).toContainText('签到已保存在本机');
	await expect(page.getByRole('button', { name: '签到', exact: true })).toHaveCount(0);
	await expect(sync).toContainText('待同步 1');

	await context.setOffline(false);
	await page.getByRole('button', { name: '立即同步' }).click();
	await expect(sync).toHaveText('已同步');
	await expect(done).toContainText('签到已确认，得 2 分。');
	const checkins = (await serverView(backend, email)).events.filter(
		(e) => e.type === 'meeting.checkin'
	);
	expect(checkins.map((e) => [e.status, e.points, e.device === 'server'])).toEqual([
		['accepted', 2, false]
	]);
	await page.getByRole('button', { name: '立即同步' }).click();
	await expect(sync).toHaveText('已同步');
	expect((await serverView(backend, email)).points).toBe(2);

	await meeting.getByRole('button', { name: '刷新名单' }).click();
	await expect(meeting).toContainText('已签到 1 人：测试党员');
	await secretary.context.close();
});

/** The note of the service form the device keeps for `member` (null: none kept). */
const keptNote = (page: Page, member: string) =>
	page.evaluate(
		(key) =>
			new Promise<string | null>((resolve) => {
				const request = indexedDB.open('gongxue');
				request.onsuccess = () => {
					const db = request.result;
					const get = db.transaction('meta').objectStore('meta').get(key);
					get.onsuccess = () => {
						resolve((get.result?.value?.note as string | undefined) ?? null);
						db.close();
					};
				};
			}),
		`service-form:${member}`
	);

test('an activity submitted offline waits on the device, photo and all, and is sent once online', async ({
	page,
	context,
	backend
}) => {
	const email = await register(page, backend);
	const member = (await serverView(backend, email)).user;
	await open(page, `${backend.url}/me/service`);
	const form = page.getByRole('region', { name: '登记活动' });
	await form.getByLabel('活动类型').selectOption({ label: '支部会议' });
	await form.getByLabel('时长（小时）').fill('1.5');
	await form.getByLabel('说明').fill('十一月支部党员大会');
	await form
		.getByLabel('照片')
		.setInputFiles({ name: 'dahui.png', mimeType: 'image/png', buffer: png });
	await context.setOffline(true);
	await form.getByRole('button', { name: '提交审核' }).click();
	await expect(form.getByRole('status')).toHaveText('当前离线：活动已保存在本机，联网后自动提交。');
	const queued = page.getByRole('region', { name: '待提交（保存在本机）' });
	await expect(queued.getByRole('listitem')).toContainText('支部会议');

	// Half-typed and the app closed: it opens offline with what was typed and what waits.
	await form.getByLabel('时长（小时）').fill('2');
	await form.getByLabel('说明').fill('还没写完的一条');
	await expect.poll(() => keptNote(page, member.id)).toBe('还没写完的一条');
	await page.reload();
	await page.locator('html[data-hydrated]').waitFor();
	await expect(form.getByText('已恢复上次没有提交的内容。')).toBeVisible();
	await expect(form.getByLabel('说明')).toHaveValue('还没写完的一条');
	await expect(form.getByLabel('时长（小时）')).toHaveValue('2');
	await expect(queued.getByRole('listitem')).toContainText('1.5 小时');
	expect(await activitiesOf(backend, member.id)).toHaveLength(0);

	// Online again: the next sync sends it, with its upload shown as it goes.
	let release = () => {};
	const held = new Promise<void>((r) => (release = r));
	await page.route('**/api/collections/service_activities/records', async (route) => {
		if (route.request().method() === 'POST') await held;
		await route.continue();
	});
	await context.setOffline(false);
	await page.getByRole('button', { name: '立即同步' }).click();
	await expect(page.getByRole('progressbar', { name: /正在上传/ })).toBeVisible();
	release();
	await expect(queued).toHaveCount(0);
	const mine = page.getByRole('region', { name: '我的活动' });
	await expect(mine.getByRole('listitem')).toContainText('支部会议');
	await expect(mine.getByRole('listitem')).toContainText('待审核');
	const stored = await activitiesOf(backend, member.id);
	expect(stored).toMatchObject([{ kind: 'meeting', hours: 1.5, note: '十一月支部党员大会' }]);
	expect(stored[0]?.photo).toMatch(/^dahui.*\.png$/);
	// The draft is still there, for later.
	await expect(form.getByLabel('说明')).toHaveValue('还没写完的一条');
});
