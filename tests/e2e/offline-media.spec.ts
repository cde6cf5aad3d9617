// A lesson published in the studio with narration: the member sees how much its media weighs,
// keeps it on the device with a progress bar, and plays it with no network.
import { readFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import { waitForOfflineReady } from './helpers';
import { expect, person, test, signedIn } from './server';

const AUDIO = readFileSync(new URL('../../static/media/sanhui-yike-daodu.mp3', import.meta.url));

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

test('a pulled lesson’s narration shows its size, is kept on the device on demand and plays offline', async ({
	browser,
	backend
}) => {
	// The secretary writes the lesson, attaches narration and publishes it, through the API.
	const secretary = await person(browser, backend, 'secretary');
	const pb = await signedIn(backend, secretary.email);
	const id = `narrated-${Date.now().toString(36)}`;
	const head = `---\nid: ${id}\ntitle: 有声党课\ncategory: 组织生活\n`;
	const body = `---\n\n三会一课是党的组织生活的基本制度。\n`;
	const record = await pb.collection('lessons').create({ text: head + body });
	const form = new FormData();
	form.append('media+', new Blob([AUDIO], { type: 'audio/mpeg' }), 'daodu.mp3');
	const withMedia = await pb.collection('lessons').update(record.id, form);
	const file = (withMedia.media as string[])[0]!;
	const path = `/api/files/lessons/${record.id}/${file}`;
	await pb.collection('lessons').update(record.id, { text: `${head}audio: ${path}\n${body}` });
	await pb.send(`/api/gongxue/lessons/${record.id}/review`, {
		method: 'POST',
		body: { action: 'publish' }
	});

	const member = await person(browser, backend, 'member', { offline: true });
	const p = member.page;
	await waitForOfflineReady(p);
	await p.getByRole('button', { name: '立即同步' }).click();
	await expect(p.getByRole('status').filter({ hasText: /已同步/ })).toBeVisible();
	await p.goto(`${backend.url}/lessons/${id}`);
	const card = p.getByRole('region', { name: '离线媒体' });
	const size = `${Math.round(AUDIO.length / 1024)} KB`;
	await expect(card).toContainText(`共 ${size}`);
	await card.getByRole('button', { name: `下载到本机（${size}）` }).click();
	await expect(card.getByRole('status')).toHaveText(`✓ 已保存到本机（${size}），没有网络也能播放`);

	await member.context.setOffline(true);
	await p.reload();
	await p.locator('html[data-hydrated]').waitFor();
	await expect(p.getByRole('heading', { level: 1, name: '有声党课' })).toBeVisible();
	await expect(card.getByRole('status')).toContainText('已保存到本机');
	const audio = p.getByRole('figure', { name: '音频讲解' }).locator('audio');
	await expect(audio).toHaveAttribute('src', path);
	expect(await duration(audio)).toBeGreaterThan(10);

	// Deleted from the device, it asks for the network again; offline, the size is unknown.
	await card.getByRole('button', { name: '从本机删除' }).click();
	await expect(card.getByRole('button', { name: '下载到本机' })).toBeVisible();
	await expect(card).toContainText('联网时可以查看大小并下载');
	await Promise.all([secretary.context.close(), member.context.close()]);
});
