import { expect, test } from '@playwright/test';
import { answer, builtIndex, builtLesson, open, waitForOfflineReady } from './helpers';

const index = builtIndex();
const withQuiz = index.lessons.filter((l) => l.questionCount >= 3);

test('a member studies a lesson and takes its quiz offline; after a reload it is all still there', async ({
	page,
	context
}) => {
	const lesson = builtLesson(withQuiz[0]!.id);
	const n = lesson.questions.length;
	await open(page, '/');
	await waitForOfflineReady(page);
	await context.setOffline(true);

	await page.getByRole('navigation').getByRole('link', { name: '课程' }).click();
	await page.getByRole('link', { name: new RegExp(lesson.title) }).click();
	await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();

	await page.getByRole('button', { name: '完成学习' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已完成' })).toBeVisible();

	const quiz = page.getByRole('region', { name: '课后测验' });
	await quiz.getByRole('button', { name: '开始答题' }).click();
	for (const [i, q] of lesson.questions.entries()) {
		await expect(quiz).toContainText(`第 ${i + 1} / ${n} 题`);
		// Every answer right except the last, so the score shows both kinds were kept.
		await answer(page, q, i < n - 1);
		await quiz.getByRole('button', { name: i < n - 1 ? '下一题' : '查看得分' }).click();
	}
	await expect(quiz).toContainText(`答对 ${n - 1} / ${n} 题`);

	await page.reload();
	await page.locator('html[data-hydrated]').waitFor();
	await expect(page.getByRole('status').filter({ hasText: '已完成' })).toBeVisible();
	await expect(quiz).toContainText(`答对 ${n - 1} / ${n} 题`);

	await page.getByRole('navigation').getByRole('link', { name: '我的' }).click();
	await expect(page.getByTestId('lessons-done')).toHaveText('1');
	await expect(page.getByTestId('accuracy')).toHaveText(`${Math.round(((n - 1) / n) * 100)}%`);
	await expect(page.getByRole('link', { name: lesson.title })).toBeVisible();

	await page.getByRole('navigation').getByRole('link', { name: '课程' }).click();
	const card = page.getByRole('listitem').filter({ hasText: lesson.title });
	await expect(card).toContainText('已完成');
});

test('a quiz interrupted by a reload resumes at the next question with earlier answers kept', async ({
	page
}) => {
	const lesson = builtLesson(withQuiz[1]!.id);
	const n = lesson.questions.length;
	await open(page, `/lessons/${lesson.id}`);
	const quiz = page.getByRole('region', { name: '课后测验' });
	await quiz.getByRole('button', { name: '开始答题' }).click();
	await answer(page, lesson.questions[0]!, true);
	await quiz.getByRole('button', { name: '下一题' }).click();
	await answer(page, lesson.questions[1]!, false);

	await page.reload();
	await page.locator('html[data-hydrated]').waitFor();
	await expect(quiz).toContainText(`第 3 / ${n} 题`);
	for (const q of lesson.questions.slice(2)) {
		await answer(page, q, true);
		await quiz.getByRole('button', { name: /下一题|查看得分/ }).click();
	}
	await expect(quiz).toContainText(`答对 ${n - 1} / ${n} 题`);
});

test('reopening a half-read lesson offers to continue from where the member stopped', async ({
	page
}) => {
	const lesson = builtLesson(index.lessons[2]!.id);
	await open(page, `/lessons/${lesson.id}`);
	// Read a little over half of the lesson's text (what follows it, such as the quiz, does not count).
	await page.evaluate(() => {
		const article = document.querySelector('article')!;
		const top = article.getBoundingClientRect().top + scrollY;
		scrollTo(0, top + article.offsetHeight * 0.6 - innerHeight);
	});
	await expect
		.poll(() => page.getByRole('progressbar', { name: '阅读进度' }).getAttribute('aria-valuenow'))
		.not.toBe('0');
	// Leaving the page saves the position.
	await page.getByRole('navigation').getByRole('link', { name: '首页' }).click();
	await expect(page.getByRole('heading', { name: '继续学习' })).toBeVisible();
	await page
		.getByRole('link', { name: new RegExp(lesson.title) })
		.first()
		.click();
	const resume = page.getByRole('button', { name: /从上次读到的位置继续/ });
	await resume.click();
	await expect(resume).toBeHidden();
	expect(await page.evaluate(() => scrollY)).toBeGreaterThan(200);
});
