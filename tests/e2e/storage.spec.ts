import { expect, test } from '@playwright/test';
import { answer, builtIndex, builtLesson, open } from './helpers';

const index = builtIndex();

test('without IndexedDB (private mode) the member is told, and can still read and take quizzes', async ({
	page
}) => {
	await page.addInitScript(() => {
		Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
	});
	const lesson = builtLesson(index.lessons.find((l) => l.questionCount > 0)!.id);
	await open(page, `/lessons/${lesson.id}`);
	await expect(page.getByRole('alert')).toContainText('无法在本机保存学习进度');
	await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();

	await page.getByRole('button', { name: '完成学习' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已完成' })).toBeVisible();
	const quiz = page.getByRole('region', { name: '课后测验' });
	await quiz.getByRole('button', { name: '开始答题' }).click();
	await answer(page, lesson.questions[0]!, true);

	await open(page, '/lessons');
	await expect(page.getByRole('listitem')).toHaveCount(index.lessons.length);
});

test('when storage is full the member is told, and what was stored before is kept', async ({
	page
}) => {
	const [first, second] = index.lessons;
	await open(page, `/lessons/${first!.id}`);
	await page.getByRole('button', { name: '完成学习' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已完成' })).toBeVisible();

	// From now on every write to IndexedDB fails as it does on a full phone.
	await page.addInitScript(() => {
		const full = () => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		};
		IDBObjectStore.prototype.put = full;
		IDBObjectStore.prototype.add = full;
	});
	await open(page, `/lessons/${second!.id}`);
	await page.getByRole('button', { name: '完成学习' }).click();
	await expect(page.getByRole('alert')).toContainText('存储空间已满');

	await open(page, '/lessons');
	await expect(page.getByRole('listitem').filter({ hasText: first!.title })).toContainText(
		'已完成'
	);
});
