import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import type { ContentIndex, Lesson, Question } from '../../src/lib/content';

/** The built content pack, read from the build the tests run against. */
export function builtIndex(dir = 'build'): ContentIndex {
	return JSON.parse(readFileSync(`${dir}/content/index.json`, 'utf8')) as ContentIndex;
}

export function builtLesson(id: string, dir = 'build'): Lesson {
	return JSON.parse(readFileSync(`${dir}/content/lessons/${id}.json`, 'utf8')) as Lesson;
}

/** Open a path and wait until the page is interactive. */
export async function open(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await page.locator('html[data-hydrated]').waitFor();
}

/** Wait until the service worker has precached everything and controls the page. */
export async function waitForOfflineReady(page: Page): Promise<void> {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Give an answer to the question on screen: the right one, or a wrong one. */
export async function answer(page: Page, q: Question, right: boolean): Promise<void> {
	const quiz = page.getByRole('region', { name: '课后测验' });
	switch (q.type) {
		case 'single': {
			const key = right ? q.answer : q.options.find((o) => o.key !== q.answer)!.key;
			await quiz.getByText(new RegExp(`^${key}\\. `)).click();
			break;
		}
		case 'multiple': {
			const keys = right ? q.answer : [q.options.find((o) => !q.answer.includes(o.key))!.key];
			for (const key of keys) await quiz.getByText(new RegExp(`^${key}\\. `)).click();
			break;
		}
		case 'truefalse':
			await quiz.getByText(q.answer === right ? '正确' : '错误', { exact: true }).click();
			break;
		case 'fill':
			for (let i = 0; i < q.blanks.length; i++) {
				await quiz.getByLabel(`第 ${i + 1} 空`).fill(right ? q.blanks[i]![0]! : '不知道');
			}
			break;
	}
	await quiz.getByRole('button', { name: '提交' }).click();
	await expect(quiz.getByRole('status')).toContainText(right ? '回答正确' : '回答错误');
}
