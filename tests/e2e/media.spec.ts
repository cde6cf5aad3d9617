import { expect, test, type Locator } from '@playwright/test';
import { builtIndex, open, waitForOfflineReady } from './helpers';

/** Load the audio's metadata as a player does, resolving to its duration in seconds. */
function duration(audio: Locator): Promise<number> {
	return audio.evaluate(
		(el: HTMLAudioElement) =>
			new Promise<number>((resolve, reject) => {
				el.onloadedmetadata = () => resolve(el.duration);
				el.onerror = () => reject(new Error(`media error ${el.error?.code}`));
				el.preload = 'metadata';
				el.load();
			})
	);
}

test('a lesson with narration shows its audio, which plays offline once it has played online', async ({
	page,
	context
}) => {
	const lesson = builtIndex().lessons.find((l) => l.audio !== null)!;
	await open(page, `/lessons/${lesson.id}`);
	await waitForOfflineReady(page);
	const audio = page.getByRole('figure', { name: '音频讲解' }).locator('audio');
	await expect(audio).toHaveAttribute('src', lesson.audio!);
	expect(await duration(audio)).toBeGreaterThan(10);

	await context.setOffline(true);
	await page.reload();
	await page.locator('html[data-hydrated]').waitFor();
	expect(await duration(audio)).toBeGreaterThan(10);
});

test('lessons without media show no player', async ({ page }) => {
	const lesson = builtIndex().lessons.find((l) => l.audio === null && l.video === null)!;
	await open(page, `/lessons/${lesson.id}`);
	await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
	await expect(page.locator('audio, video')).toHaveCount(0);
});
