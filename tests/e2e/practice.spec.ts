// 答题 in Chromium: the day's five questions, a challenge run and the 错题本 work with no
// network and survive a reload; offline answers reach the server once the member is online,
// where they are graded again and counted once.
import { expect, test as staticTest, type Page } from '@playwright/test';
import { answer, builtBankQuestions, open, waitForOfflineReady } from './helpers';
import type { Question } from '../../src/lib/content';
import { serverDay } from '../../src/lib/credits/engine';
import { makeUser, register, signedIn, test, type Backend } from './server';

const bank = builtBankQuestions();
const DAY = 86_400_000;

/** The question on screen in a region, as the built bank has it. */
async function onScreen(page: Page, region: string) {
	const id = await page
		.getByRole('region', { name: region })
		.locator('[data-question]')
		.first()
		.getAttribute('data-question');
	const q = bank.get(id ?? '');
	if (!q) throw new Error(`question ${id} is not in the built banks`);
	return q;
}

/** Answer the day's questions: the ones whose index is in `wrong` wrongly, the rest right. */
async function dailyQuiz(page: Page, wrong: number[] = []) {
	const daily = page.getByRole('region', { name: '每日答题' });
	for (let i = 0; i < 5; i++) {
		await expect(daily).toContainText(`第 ${i + 1} / 5 题`);
		await answer(page, await onScreen(page, '每日答题'), !wrong.includes(i), '每日答题');
		await daily.getByRole('button', { name: i < 4 ? '下一题' : '完成' }).click();
	}
}

staticTest(
	'offline, the day’s five questions, a challenge and the 错题本 work and survive a reload',
	async ({ page, context }) => {
		await page.clock.install();
		await open(page, '/');
		await waitForOfflineReady(page);
		await context.setOffline(true);
		await page.getByRole('navigation').getByRole('link', { name: '答题' }).click();
		const daily = page.getByRole('region', { name: '每日答题' });
		await expect(daily).toContainText('今天的 5 道题');

		await dailyQuiz(page, [1]);
		await expect(daily.getByRole('status')).toContainText('答对 4 / 5 题');
		await expect(daily.getByRole('status')).toContainText('预计得 4 分');

		// A challenge: right twice, then a mistake ends the run.
		const challenge = page.getByRole('region', { name: '挑战答题' });
		await challenge.getByRole('button', { name: '开始挑战' }).click();
		for (const right of [true, true, false]) {
			await answer(page, await onScreen(page, '挑战答题'), right, '挑战答题');
			await challenge.getByRole('button', { name: right ? '下一题' : '查看得分' }).click();
		}
		await expect(challenge.getByRole('status')).toContainText('挑战结束：连对 2 题');
		await expect(challenge).toContainText('本机最好成绩：连对 2 题');

		// Both missed questions wait in the 错题本 for tomorrow; a note is kept with one.
		const book = page.getByRole('region', { name: '错题本' });
		await expect(book.getByRole('listitem')).toHaveCount(2);
		await expect(book.getByRole('status').first()).toHaveText('今天没有要复习的题。');
		await book.getByLabel('我的笔记').first().fill('入党誓词共八十个字');
		await book.getByRole('button', { name: '保存笔记' }).first().click();
		await expect(book.getByText('笔记已保存在本机。')).toBeVisible();

		await page.reload();
		await page.locator('html[data-hydrated]').waitFor();
		await expect(daily.getByRole('status')).toContainText('答对 4 / 5 题');
		await expect(challenge.getByRole('status')).toContainText('连对 2 题');
		await expect(book.getByLabel('我的笔记').first()).toHaveValue('入党誓词共八十个字');

		// A day later both are due; recalled correctly, each is scheduled further out.
		await page.clock.fastForward(DAY + 60_000);
		await page.reload();
		await page.locator('html[data-hydrated]').waitFor();
		await book.getByRole('button', { name: '开始复习（2 题）' }).click();
		for (let i = 0; i < 2; i++) {
			await answer(page, await onScreen(page, '错题本'), true, '错题本');
			await book.getByRole('button', { name: i === 0 ? '下一题' : '查看得分' }).click();
		}
		await expect(book.getByRole('status').first()).toHaveText('今天没有要复习的题。');
		await expect(book.getByRole('listitem')).toHaveCount(2);

		// A new day brings a new daily set.
		await expect(daily).toContainText('今天的 5 道题');
		await expect(daily).toContainText('第 1 / 5 题');
	}
);

const serverEvents = (backend: Backend, email: string, type: string) =>
	backend.su.collection('events').getFullList({
		filter: backend.su.filter('user.email = {:email} && type = {:type}', { email, type })
	});

test('the daily quiz and a challenge answered offline are graded by the server once online, once', async ({
	page,
	context,
	backend
}) => {
	const email = await register(page, backend);
	await context.setOffline(true);
	await page.getByRole('navigation').getByRole('link', { name: '答题' }).click();
	await dailyQuiz(page);
	const challenge = page.getByRole('region', { name: '挑战答题' });
	await challenge.getByRole('button', { name: '开始挑战' }).click();
	for (const right of [true, true, true, false]) {
		await answer(page, await onScreen(page, '挑战答题'), right, '挑战答题');
		await challenge.getByRole('button', { name: right ? '下一题' : '查看得分' }).click();
	}
	const status = page.getByRole('status').filter({ hasText: /待同步|已同步/ });
	await expect(status).toContainText('待同步 6');

	await context.setOffline(false);
	await page.getByRole('button', { name: '立即同步' }).click();
	await expect(status).toHaveText('已同步');
	const daily = await serverEvents(backend, email, 'daily.answered');
	expect(daily.map((e) => [e.status, e.points])).toEqual(Array(5).fill(['accepted', 1]));
	const runs = await serverEvents(backend, email, 'challenge.completed');
	expect(runs.map((e) => e.points)).toEqual([3]);

	// Pushing again changes nothing, and the member's page shows the server's figure.
	await page.getByRole('button', { name: '立即同步' }).click();
	await expect(status).toHaveText('已同步');
	expect(await serverEvents(backend, email, 'daily.answered')).toHaveLength(5);
	await page.getByRole('navigation').getByRole('link', { name: '我的' }).click();
	await expect(page.getByTestId('points-confirmed')).toHaveText('8');
	const ledger = page.getByRole('region', { name: '积分明细' });
	await expect(ledger.getByText('每日答题')).toHaveCount(5);
	await expect(ledger.getByText('挑战答题')).toHaveCount(1);
	await expect(ledger).not.toContainText('undefined');
});

test('a branch 练习题库 reaches the member’s device and joins the daily quiz; the server draws the same set', async ({
	page,
	context,
	backend
}) => {
	const builtin = bank.size;
	const email = await register(page, backend);
	const secretary = await signedIn(backend, (await makeUser(backend, 'secretary')).email);
	const text = Array.from(
		{ length: 200 },
		(_, i) => `${i + 1}.【单选】支部练习第 ${i + 1} 题（${Date.now()}）\nA. 对\nB. 错\n答案：A\n`
	).join('\n');
	const created = await secretary
		.collection('banks')
		.create({ name: '支部练习题库', text, practice: true });
	// Published banks join the pool the next day: as if that day had come.
	await backend.su.collection('banks').update(created.id, { practice_from: serverDay(Date.now()) });
	for (const q of (await backend.su.collection('banks').getOne(created.id)).questions as Question[])
		bank.set(q.id, q);

	const status = page.getByRole('status').filter({ hasText: /待同步|已同步/ });
	await page.getByRole('button', { name: '立即同步' }).click();
	await page.getByRole('navigation').getByRole('link', { name: '答题' }).click();
	await expect(page.getByText(`支部练习题库（共 ${builtin + 200} 题）`)).toBeVisible();
	await context.setOffline(true);
	await dailyQuiz(page);

	await context.setOffline(false);
	await page.getByRole('button', { name: '立即同步' }).click();
	await expect(status).toHaveText('已同步');
	const daily = await serverEvents(backend, email, 'daily.answered');
	expect(daily.map((e) => [e.status, e.points, e.reason])).toEqual(
		Array(5).fill(['accepted', 1, ''])
	);
});
