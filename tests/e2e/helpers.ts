import { readFileSync } from 'node:fs';
import { expect, type BrowserContext, type Page } from '@playwright/test';
import type { ContentIndex, Lesson, Question } from '../../src/lib/content';

/** The built content pack, read from the build the tests run against. */
export function builtIndex(dir = 'build'): ContentIndex {
	return JSON.parse(readFileSync(`${dir}/content/index.json`, 'utf8')) as ContentIndex;
}

/** Every question of the built-in banks, by id: the practice pool. */
export function builtBankQuestions(dir = 'build'): Map<string, Question> {
	const questions = new Map<string, Question>();
	for (const bank of builtIndex(dir).banks) {
		const pack = JSON.parse(readFileSync(`${dir}/content/banks/${bank.id}.json`, 'utf8')) as {
			questions: Question[];
		};
		for (const q of pack.questions) if (!questions.has(q.id)) questions.set(q.id, q);
	}
	return questions;
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

/**
 * Tell the page on screen that the network is gone. Chromium's offline emulation does not reach a
 * document loaded while offline (its navigator.onLine says true); a change of network, as a real
 * device has when it loses signal, fires the offline event there.
 */
export async function signalOffline(context: BrowserContext): Promise<void> {
	await context.setOffline(false);
	await context.setOffline(true);
}

/** Give an answer to the question on screen in `region`: the right one, or a wrong one. */
export async function answer(
	page: Page,
	q: Question,
	right: boolean,
	region = '课后测验'
): Promise<void> {
	const quiz = page.getByRole('region', { name: region });
	switch (q.type) {
		case 'single': {
			const key = right ? q.answer : q.options.find((o) => o.key !== q.answer)!.key;
			await quiz.getByText(new RegExp(`^${key}\\. `)).click();
			break;
		}
		case 'multiple': {
			// Wrong: an option outside the key, or (when every option is in it) only part of the key.
			const outside = q.options.find((o) => !q.answer.includes(o.key))?.key;
			const keys = right ? q.answer : [outside ?? q.answer[0]!];
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

/** Click and read the file it downloads. */
export async function download(page: Page, button: string) {
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: button }).click()
	]);
	const path = await file.path();
	return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}
