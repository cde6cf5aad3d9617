import { expect, test } from '@playwright/test';
import { open, waitForOfflineReady } from './helpers';

test('Chromium finds the app installable: manifest, icons, theme colour, offline start page', async ({
	page
}) => {
	await open(page, '/');
	await waitForOfflineReady(page);
	const cdp = await page.context().newCDPSession(page);
	const manifest = (await cdp.send('Page.getAppManifest')) as {
		errors: { message: string }[];
		data?: string;
	};
	expect(manifest.errors).toEqual([]);
	const data = JSON.parse(manifest.data ?? '{}') as {
		short_name: string;
		theme_color: string;
		display: string;
		icons: { sizes: string; purpose?: string }[];
	};
	expect(data.short_name).toBe('共学');
	expect(data.display).toBe('standalone');
	expect(data.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
	await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute(
		'content',
		data.theme_color
	);
	const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
		installabilityErrors: { errorId: string }[];
	};
	// Test browsers run in an incognito-like profile, which Chromium never installs from; any
	// other reason would be the app's.
	expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual(
		[]
	);
	for (const icon of [
		'/icons/icon-192.png',
		'/icons/icon-512.png',
		'/icons/icon-maskable-512.png'
	]) {
		const res = await page.request.get(icon);
		expect(res.headers()['content-type']).toBe('image/png');
	}
});
