// Renders static/icons/icon.svg to the PNG sizes the web manifest lists, with Chromium.
// Run after changing the SVG: node scripts/make-icons.js
import { readFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/e2e/chromium.js';

const svg = await readFile(new URL('../static/icons/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch(chromiumLaunchOptions);
const page = await browser.newPage();
/** @type {{ name: string, size: number, inset: number }[]} */
const icons = [
	{ name: 'icon-192.png', size: 192, inset: 0 },
	{ name: 'icon-512.png', size: 512, inset: 0 },
	// Maskable icons keep their content inside the central 80% safe zone.
	{ name: 'icon-maskable-512.png', size: 512, inset: 0.1 }
];
for (const { name, size, inset } of icons) {
	await page.setViewportSize({ width: size, height: size });
	const pad = size * inset;
	await page.setContent(
		`<body style="margin:0;background:#b71c1c"><div style="padding:${pad}px;width:${size}px;height:${size}px;box-sizing:border-box">${svg.replace('<svg ', '<svg width="100%" height="100%" ')}</div></body>`
	);
	await page.screenshot({ path: new URL(`../static/icons/${name}`, import.meta.url).pathname });
}
await browser.close();
