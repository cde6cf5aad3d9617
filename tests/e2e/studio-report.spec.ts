// 支部概况 (/studio/report) in real Chromium, on the built app served by a real PocketBase: a
// branch's activity is made the real way (members push events the server grades; lessons and
// assignments made by the superuser), then the secretary and the admin read and export it.
import type { Page } from '@playwright/test';
import { v7 } from 'uuid';
import { periodsOf } from '../../src/lib/credits/engine';
import { download, waitForOfflineReady } from './helpers';
import { expect, PASSWORD, test, type Backend, signedIn } from './server';
let n = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(n++).toString(36)}`;

interface Lesson {
	record: string;
	lessonId: string;
	title: string;
	/** Question ids, in order; every key is `A`. */
	q: string[];
}

interface Seeded {
	branches: [string, string];
	/** Sign-in emails by person. */
	emails: Record<'secretary' | 'jia' | 'yi' | 'admin' | 'bing', string>;
	month: string;
	missed: string;
}

/** A built-in lesson with single-choice questions keyed `A` (stems `<title>题1`, …). */
async function lesson(backend: Backend, title: string, questions: number): Promise<Lesson> {
	const lessonId = unique('e2e-report-');
	const q = Array.from({ length: questions }, () => unique('q'));
	const record = await backend.su.collection('lessons').create({
		lesson_id: lessonId,
		title,
		track: 'elective',
		minutes: 5,
		credits: 3,
		source: 'builtin',
		questions: q.map((id, i) => ({
			id,
			number: i + 1,
			type: 'single',
			stem: `${title}题${i + 1}`,
			explanation: '',
			line: 1,
			options: [
				{ key: 'A', text: '正确选项' },
				{ key: 'B', text: '错误选项' }
			],
			answer: 'A'
		}))
	});
	return { record: record.id, lessonId, title, q };
}

/** Push events as a device does, in one batch; every one must be accepted. */
async function push(backend: Backend, email: string, events: { type: string; payload: object }[]) {
	const pb = await signedIn(backend, email);
	const batch = pb.createBatch();
	for (const ev of events) batch.collection('events').create({ event_id: v7(), ...ev });
	for (const r of await batch.send()) {
		expect((r.body as { status: string }).status).toBe('accepted');
	}
}

/**
 * An organisation of its own (the worker's backend is shared with other specs): 第一支部 with a
 * secretary, two members and the admin, and two required lessons; 第二支部 with one quiet member.
 * 党员甲 completes 课程甲 (3) and answers 题1 right (1) and 题2 wrong; 党员乙 misses 题2 too.
 */
async function seed(backend: Backend): Promise<Seeded> {
	const su = backend.su;
	const org = await su
		.collection('organisations')
		.create({ name: '报告测试组织', code: unique('report-') });
	const branch = (name: string) =>
		su.collection('branches').create({
			name,
			organisation: org.id,
			join_code: unique('R').toUpperCase().slice(0, 12)
		});
	const b0 = await branch('第一支部');
	const b1 = await branch('第二支部');
	const person = async (name: string, branch: string, role: string) => {
		const email = `${unique('report')}@e2e.gongxue.test`;
		await su.collection('users').create({
			email,
			password: PASSWORD,
			passwordConfirm: PASSWORD,
			name,
			branch,
			role
		});
		return email;
	};
	const emails = {
		secretary: await person('书记丙', b0.id, 'secretary'),
		jia: await person('党员甲', b0.id, 'member'),
		yi: await person('党员乙', b0.id, 'member'),
		admin: await person('管理员丁', b0.id, 'admin'),
		bing: await person('党员戊', b1.id, 'member')
	};
	const a = await lesson(backend, '课程甲', 2);
	const b = await lesson(backend, '课程乙', 1);
	for (const [l, due] of [
		[a, '2030-01-01 00:00:00.000Z'],
		[b, '2030-02-01 00:00:00.000Z']
	] as const) {
		await su
			.collection('assignments')
			.create({ branch: b0.id, organisation: org.id, lesson: l.record, due });
	}
	const answered = (i: number, answer: 'A' | 'B') => ({
		type: 'quiz.answered',
		payload: { lessonId: a.lessonId, attemptId: 'a', questionId: a.q[i], answer: [answer] }
	});
	await push(backend, emails.jia, [
		{
			type: 'lesson.completed',
			payload: { lessonId: a.lessonId, hash: 'h', seconds: 300, readRatio: 1 }
		},
		answered(0, 'A'),
		answered(1, 'B')
	]);
	await push(backend, emails.yi, [answered(1, 'B')]);
	return {
		branches: [b0.id, b1.id],
		emails,
		month: periodsOf(Date.now()).month.slice(1),
		missed: '课程甲题2'
	};
}

/** Sign in through the app's own form. */
async function signIn(page: Page, backend: Backend, email: string) {
	await page.goto(`${backend.url}/login`);
	await page.locator('html[data-hydrated]').waitFor();
	await page.getByLabel('邮箱').fill(email);
	await page.getByLabel('密码').fill(PASSWORD);
	await page.getByRole('button', { name: '登录', exact: true }).last().click();
	await page.waitForURL('**/me');
}

/** Open the report and wait until it is interactive and loaded. */
async function openReport(page: Page, backend: Backend, query = '') {
	await page.goto(`${backend.url}/studio/report${query}`);
	await page.locator('html[data-hydrated]').waitFor();
}

/** The texts of one table row's data cells, found by the name in its header cell. */
const cells = (page: Page, name: string | RegExp) =>
	page
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name }) })
		.getByRole('cell');

test('the secretary sees the members, lessons, missed questions and weeks, and exports CSV and Excel', async ({
	page,
	backend
}) => {
	const s = await seed(backend);
	await signIn(page, backend, s.emails.secretary);
	await openReport(page, backend);
	await expect(page.getByRole('heading', { name: '支部概况 · 第一支部' })).toBeVisible();

	const members = page.getByRole('table', { name: '成员' });
	await expect(members.getByRole('row')).toHaveCount(5);
	await expect(cells(page, '党员甲')).toHaveText(['1/2', '4', '4', '今天']);
	await expect(cells(page, '党员乙')).toHaveText(['0/2', '0', '0', '今天']);
	await expect(cells(page, /书记丙/)).toHaveText(['0/2', '0', '0', '从未']);

	const lessons = page.getByRole('region', { name: '课程完成情况' });
	await expect(lessons.getByRole('listitem')).toHaveText([
		/课程乙\s*必修\s*截止 2月1日\s*0\/4 人 · 0%/,
		/课程甲\s*必修\s*截止 1月1日\s*1\/4 人 · 25%/
	]);

	const missed = page.getByRole('region', { name: /易错题/ });
	await expect(missed).toContainText('下次党课');
	await expect(missed.getByRole('listitem')).toHaveCount(1);
	await expect(missed.getByRole('listitem')).toContainText(s.missed);
	await expect(missed.getByRole('listitem')).toContainText('答错 2 / 作答 2 次 · 错误率 100%');

	const weeks = page.getByRole('region', { name: '每周活跃' });
	await expect(weeks.getByRole('img', { name: /活跃人数/ })).toHaveAccessibleName(
		/近 8 周活跃人数：.*本周：2$/
	);
	await expect(weeks.getByRole('img', { name: /学习记录/ })).toHaveAccessibleName(/本周：4$/);

	const csv = await download(page, '导出 CSV');
	expect(csv.name).toBe(`支部概况-第一支部-${s.month}.csv`);
	expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const lines = csv.bytes.subarray(3).toString('utf8').split('\r\n');
	expect(lines[0]).toBe('姓名,角色,已完成必修,必修课程数,本月积分,累计积分,最近学习时间');
	expect(lines).toHaveLength(6);
	expect(lines).toContain('书记丙,支部书记,0,2,0,0,从未');
	expect(lines.find((l) => l.startsWith('党员甲,'))).toMatch(
		/^党员甲,党员,1,2,4,4,\d{4}-\d\d-\d\d \d\d:\d\d$/
	);
	expect(lines.find((l) => l.startsWith('党员乙,'))).toMatch(/^党员乙,党员,0,2,0,0,\d{4}-/);

	const xlsx = await download(page, '导出 Excel');
	expect(xlsx.name).toBe(`支部概况-第一支部-${s.month}.xlsx`);
	expect(xlsx.bytes.length).toBeGreaterThan(1000);
	expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
});

test('offline, the report kept on the device is shown with its time', async ({
	page,
	context,
	backend
}) => {
	const s = await seed(backend);
	await signIn(page, backend, s.emails.secretary);
	await openReport(page, backend);
	await expect(cells(page, '党员甲')).toHaveText(['1/2', '4', '4', '今天']);
	await waitForOfflineReady(page);

	await context.setOffline(true);
	await page.reload();
	await page.locator('html[data-hydrated]').waitFor();
	await expect(page.getByText(/^离线：显示 \d+月\d+日 \d\d:\d\d 的数据$/)).toBeVisible();
	await expect(cells(page, '党员甲')).toHaveText(['1/2', '4', '4', '今天']);
	// Exporting needs no network either.
	const csv = await download(page, '导出 CSV');
	expect(csv.bytes.toString('utf8')).toContain('党员甲,党员,1,2,4,4,');
});

test('the admin compares the branches, opens one, and sees what to do about an empty branch', async ({
	page,
	context,
	backend
}) => {
	const s = await seed(backend);
	await signIn(page, backend, s.emails.admin);
	await openReport(page, backend);
	await expect(page.getByRole('heading', { name: '组织概况 · 报告测试组织' })).toBeVisible();
	await expect(cells(page, '第一支部')).toHaveText(['4', '13%（1/8）', '4', '2']);
	await expect(cells(page, '第二支部')).toHaveText(['1', '未指派', '0', '0']);

	const csv = await download(page, '导出 CSV');
	expect(csv.name).toBe(`组织概况-报告测试组织-${s.month}.csv`);
	expect(csv.bytes.toString('utf8')).toContain('\r\n第一支部,4,1,8,13,4,2\r\n');

	// Offline, a branch never opened on this device has nothing kept: the page says so.
	await context.setOffline(true);
	await page.getByRole('link', { name: '第二支部' }).click();
	await expect(page.getByText('当前离线，本机还没有保存过支部概况')).toBeVisible();
	await context.setOffline(false);

	await page.getByRole('link', { name: '← 全部支部' }).click();
	await page.getByRole('link', { name: '第一支部' }).click();
	await page.waitForURL(`**/studio/report?branch=${s.branches[0]}`);
	await expect(page.getByRole('heading', { name: '支部概况 · 第一支部' })).toBeVisible();
	await expect(cells(page, '党员甲')).toHaveText(['1/2', '4', '4', '今天']);

	await page.getByRole('link', { name: '← 全部支部' }).click();
	await page.getByRole('link', { name: '第二支部' }).click();
	await expect(page.getByRole('heading', { name: '支部概况 · 第二支部' })).toBeVisible();
	await expect(page.getByText('本支部还没有学习记录。')).toBeVisible();
	await expect(page.getByRole('link', { name: '去指派必修课程' })).toHaveAttribute(
		'href',
		'/studio/assign'
	);
	await expect(cells(page, '党员戊')).toHaveText(['未指派', '0', '0', '从未']);
});

test('a member is told the report is for secretaries', async ({ page, backend }) => {
	const s = await seed(backend);
	await signIn(page, backend, s.emails.jia);
	await openReport(page, backend);
	await expect(page.getByText('支部概况供支部书记和组织管理员查看')).toBeVisible();
	await expect(page.getByRole('table')).toHaveCount(0);
});
