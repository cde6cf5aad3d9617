// The studio in Chromium against a real PocketBase serving the built app: a secretary writes,
// publishes and assigns a lesson that a member receives, studies offline and syncs; a member
// shares a lesson, the secretary approves it and others' study credits the author; uploaded
// markdown full of XSS payloads executes nothing on members' devices.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { v7 } from 'uuid';
import { rules } from '../../src/lib/credits/engine';
import { download } from './helpers';
import { expect, makeUser, person, test, type Backend, signedIn } from './server';

const syncStatus = (page: Page) => page.getByRole('status').filter({ hasText: /待同步|已同步/ });
/** Long enough on a lesson page for the rules' minimum study time. */
const STUDY_MS = (rules.activities['lesson.completed'].minSeconds ?? 60) * 1000 + 10_000;

/** A new member of the test branch completes a lesson from a device of their own, by the API. */
async function studyThroughApi(backend: Backend, lessonId: string) {
	const { email } = await makeUser(backend, 'member', '同事');
	const pb = await signedIn(backend, email);
	const batch = pb.createBatch();
	batch.collection('events').create({
		event_id: v7(),
		type: 'lesson.completed',
		payload: { lessonId, hash: 'h', seconds: 200, readRatio: 1 }
	});
	await batch.send();
}

/** Write a lesson in the editor: the form, then the body with a quiz. */
async function write(page: Page, backend: Backend, id: string, title: string, body: string) {
	await page.goto(`${backend.url}/studio/edit`);
	await page.locator('html[data-hydrated]').waitFor();
	await page.getByLabel('标题').fill(title);
	await page.getByLabel(/^编号/).fill(id);
	await page.getByLabel('分类').fill('组织生活');
	await page.getByLabel(/^正文/).fill(body);
}

const QUIZ_BODY = `支部是党的基础组织，是党在社会基层组织中的战斗堡垒。

\`\`\`quiz
1.【单选】党支部党员大会一般每季度召开（ ）次。
A. 1
B. 2
答案：A
\`\`\`
`;

test('a secretary publishes and assigns a lesson; a member receives it, studies it offline and syncs; the report and its CSV show it', async ({
	browser,
	backend
}) => {
	const secretary = await person(browser, backend, 'secretary');
	const member = await person(browser, backend, 'member', { offline: true });
	const s = secretary.page;
	const id = `zhibu-${Date.now().toString(36)}`;
	await write(s, backend, id, '支部工作三件事', QUIZ_BODY.replace('答案：A', '答案：E'));
	// The bank format is checked as the author types, each problem at its line of the body.
	const preview = s.getByRole('region', { name: /预览/ });
	await expect(preview.getByRole('status')).toHaveText('1 处问题');
	await expect(preview.getByRole('button', { name: '第 7 行' })).toBeVisible();
	await s.getByLabel(/^正文/).fill(QUIZ_BODY);
	await expect(preview.getByRole('status')).toHaveText('格式检查通过');
	await expect(preview.getByText('课后测验 1 题')).toBeVisible();
	await s.getByRole('button', { name: '发布' }).click();
	await expect(s.getByText('已发布，支部成员下次同步时就能学到。')).toBeVisible();

	await s.getByRole('link', { name: '指派必修' }).click();
	await s.getByLabel('课程').selectOption({ label: '支部工作三件事' });
	const due = new Date(Date.now() + 2 * 86_400_000);
	const local = new Date(due.getTime() - due.getTimezoneOffset() * 60_000).toISOString();
	await s.getByLabel('截止时间').fill(local.slice(0, 16));
	await s.getByRole('button', { name: '指派给本支部' }).click();
	await expect(s.getByText('已指派，成员下次同步时会在首页看到。')).toBeVisible();

	// The member's next sync brings the lesson and the assignment; the home page reminds.
	const p = member.page;
	await p.getByRole('button', { name: '立即同步' }).click();
	await expect(syncStatus(p)).toHaveText('已同步');
	await p.getByRole('navigation').getByRole('link', { name: '首页' }).click();
	await expect(p.getByRole('alert')).toContainText('快到期');
	await expect(p.getByRole('link', { name: /支部工作三件事/ }).first()).toBeVisible();
	await expect(p.getByText(/支部指派 · .* 截止/)).toBeVisible();

	// Offline, the pulled lesson opens and is studied like a built-in one.
	await member.context.setOffline(true);
	await p
		.getByRole('link', { name: /支部工作三件事/ })
		.first()
		.click();
	await expect(p.getByRole('heading', { level: 1, name: '支部工作三件事' })).toBeVisible();
	await p.clock.fastForward(STUDY_MS);
	await p.getByRole('button', { name: '完成学习' }).click();
	const quiz = p.getByRole('region', { name: '课后测验' });
	await quiz.getByRole('button', { name: '开始答题' }).click();
	await quiz.getByRole('radio', { name: /^A/ }).check();
	await quiz.getByRole('button', { name: '提交' }).click();
	await expect(syncStatus(p)).toHaveText('待同步 2');
	await member.context.setOffline(false);
	await p.getByRole('button', { name: '立即同步' }).click();
	await expect(syncStatus(p)).toHaveText('已同步');
	const events = await backend.su
		.collection('events')
		.getFullList({ filter: `user = "${member.id}" && lesson = "${id}"` });
	expect(events.map((e) => [e.type, e.status, e.points]).sort()).toEqual([
		['lesson.completed', 'accepted', rules.activities['lesson.completed'].points],
		['quiz.answered', 'accepted', rules.activities['quiz.answered'].points]
	]);

	// The branch report shows it: the member has done the required lesson, the lesson counts
	// them, and the CSV says the same.
	await s.goto(`${backend.url}/studio/report`);
	await s.locator('html[data-hydrated]').waitFor();
	const row = s.getByRole('row').filter({ has: s.getByRole('rowheader', { name: member.name }) });
	await expect(row.getByRole('cell').first()).toHaveText(/^1\/\d+$/);
	const earned = events.reduce((sum, e) => sum + Number(e.points), 0);
	await expect(row.getByRole('cell').nth(1)).toHaveText(String(earned));
	await expect(
		s
			.getByRole('region', { name: '课程完成情况' })
			.getByRole('listitem')
			.filter({ hasText: '支部工作三件事' })
	).toContainText(/必修\s*截止 .*\s*1\/\d+ 人/);
	const csv = await download(s, '导出 CSV');
	const lines = csv.bytes.subarray(3).toString('utf8').split('\r\n');
	expect(lines.find((l) => l.startsWith(`${member.name},`))).toMatch(
		new RegExp(`^${member.name},党员,1,\\d+,${earned},${earned},\\d{4}-`)
	);
	await Promise.all([secretary.context.close(), member.context.close()]);
});

test('a member shares a lesson, the secretary approves it, and others’ study raises the author’s points by the rule and makes it 精品党课', async ({
	browser,
	backend
}) => {
	// Four people in their own browsers and a dozen steps: about 45 s on the CI machine.
	test.setTimeout(120_000);
	const author = await person(browser, backend, 'member');
	const secretary = await person(browser, backend, 'secretary');
	const a = author.page;
	const id = `fenxiang-${Date.now().toString(36)}`;
	await write(a, backend, id, '我的入党故事', '这是我在互联网公司入党的经历。\n');
	await a.getByRole('button', { name: '提交审核' }).click();
	await expect(a.getByText('已提交，等待支部书记审核。')).toBeVisible();

	const s = secretary.page;
	await s.goto(`${backend.url}/studio`);
	const queue = s.getByRole('region', { name: '待审核' });
	await expect(queue.getByText('我的入党故事')).toBeVisible();
	await queue.getByRole('button', { name: '通过并发布' }).click();
	await expect(queue.getByText('没有等待审核的课程。')).toBeVisible();

	const pointsOf = async () => {
		await a.goto(`${backend.url}/me`);
		await a.getByRole('button', { name: '立即同步' }).click();
		await expect(syncStatus(a)).toHaveText('已同步');
		return Number(await a.getByTestId('points-confirmed').textContent());
	};
	const before = await pointsOf();
	for (let i = 0; i < 2; i++) {
		const learner = await person(browser, backend, 'member');
		const p = learner.page;
		await p.getByRole('button', { name: '立即同步' }).click();
		await expect(syncStatus(p)).toHaveText('已同步');
		await p.goto(`${backend.url}/lessons/${id}`);
		await expect(p.getByRole('heading', { level: 1, name: '我的入党故事' })).toBeVisible();
		await p.clock.fastForward(STUDY_MS);
		await p.getByRole('button', { name: '完成学习' }).click();
		await p.getByRole('button', { name: '立即同步' }).click();
		await expect(syncStatus(p)).toHaveText('已同步');
		await learner.context.close();
	}
	await expect.poll(pointsOf).toBe(before + 2 * rules.sharing.pointsPerLearner);

	// Enough learners (here the rest through the API, from their own devices) make it 精品党课,
	// on the shelf of every device that pulls it.
	const more = rules.sharing.featured.minLearners - 2;
	for (let i = 0; i < more; i++) await studyThroughApi(backend, id);
	await a.getByRole('button', { name: '立即同步' }).click();
	await expect(syncStatus(a)).toHaveText('已同步');
	await a.goto(`${backend.url}/lessons`);
	const shelf = a.getByRole('region', { name: '精品党课' });
	await expect(shelf.getByRole('link', { name: /我的入党故事/ })).toContainText(
		`${rules.sharing.featured.minLearners} 人学过`
	);
	await expect(shelf.getByRole('link', { name: /我的入党故事/ })).toContainText('精品');
	expect(await pointsOf()).toBe(before + (2 + more) * rules.sharing.pointsPerLearner);
	await Promise.all([author.context.close(), secretary.context.close()]);
});

test('uploaded markdown with 50+ XSS payloads executes nothing on a member’s device', async ({
	browser,
	backend
}) => {
	const payloads = JSON.parse(
		readFileSync(new URL('../fixtures/xss-payloads.json', import.meta.url), 'utf8')
	) as { name: string; markdown: string }[];
	expect(payloads.length).toBeGreaterThanOrEqual(50);
	// Written and published through the API as the secretary: the server's own parse checks it.
	const secretary = await person(browser, backend, 'secretary');
	const pb = await signedIn(backend, secretary.email);
	const id = `xss-${Date.now().toString(36)}`;
	const body = payloads.map((p) => `${p.markdown}\n\n---\n`).join('\n');
	const lesson = await pb
		.collection('lessons')
		.create({ text: `---\nid: ${id}\ntitle: 安全测试\ncategory: 测试\n---\n\n${body}` });
	await pb.send(`/api/gongxue/lessons/${lesson.id}/review`, {
		method: 'POST',
		body: { action: 'publish' }
	});

	const member = await person(browser, backend, 'member');
	const p = member.page;
	const dialogs: string[] = [];
	p.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	await p.addInitScript(() => {
		for (const name of ['alert', 'confirm', 'prompt', 'print'] as const) {
			Object.defineProperty(window, name, {
				value: () => ((window as unknown as { __xss: number }).__xss = 1)
			});
		}
	});
	await p.getByRole('button', { name: '立即同步' }).click();
	await expect(syncStatus(p)).toHaveText('已同步');
	await p.goto(`${backend.url}/lessons/${id}`);
	await expect(p.getByRole('heading', { level: 1, name: '安全测试' })).toBeVisible();
	await p.mouse.move(200, 300);
	await p.waitForTimeout(500);
	expect(dialogs).toEqual([]);
	expect(await p.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
	const article = p.locator('article');
	expect(await article.locator('script, iframe, object, embed, svg, style').count()).toBe(0);
	expect(await article.locator('[onerror], [onload], [onclick], [onmouseover]').count()).toBe(0);
	await Promise.all([secretary.context.close(), member.context.close()]);
});

test('a lesson folder uploads as drafts with its audio and images attached; a bad file is named at its line', async ({
	browser,
	backend
}) => {
	const secretary = await person(browser, backend, 'secretary');
	const s = secretary.page;
	const root = join(mkdtempSync(join(tmpdir(), 'gongxue-folder-')), '支部课程');
	mkdirSync(join(root, 'img'), { recursive: true });
	const id = `folder-${Date.now().toString(36)}`;
	writeFileSync(
		join(root, '01-sanhui.md'),
		`---\nid: ${id}\ntitle: 文件夹里的课\ncategory: 组织生活\naudio: ./daodu.mp3\n---\n\n三会一课。\n\n![支部大会](img/dahui.png)\n`
	);
	writeFileSync(join(root, '02-bad.md'), `---\ntitle: 缺编号的课\n---\n\n正文\n`);
	writeFileSync(
		join(root, 'daodu.mp3'),
		readFileSync(new URL('../../static/media/sanhui-yike-daodu.mp3', import.meta.url))
	);
	// A 1×1 PNG.
	writeFileSync(
		join(root, 'img', 'dahui.png'),
		Buffer.from(
			'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
			'base64'
		)
	);
	await s.goto(`${backend.url}/studio`);
	await s.locator('html[data-hydrated]').waitFor();
	await s.getByText('上传课程文件夹').locator('input[type=file]').setInputFiles(root);
	const result = s.getByRole('status').filter({ hasText: '已导入' });
	await expect(result).toContainText('已导入 1 节课程草稿');
	await expect(result.getByRole('listitem')).toHaveText([
		'支部课程/02-bad.md:2: front matter 缺少必填字段 id',
		'支部课程/02-bad.md:2: front matter 缺少必填字段 category'
	]);
	await expect(s.getByText('文件夹里的课')).toBeVisible();

	// On the server: the text now points at the uploaded files, which are there.
	const record = await backend.su.collection('lessons').getFirstListItem(`lesson_id = "${id}"`);
	expect(record.status).toBe('draft');
	expect(record.media as string[]).toHaveLength(2);
	const paths = [...String(record.text).matchAll(/\/api\/files\/lessons\/[^\s)]+/g)].map(
		(m) => m[0]
	);
	expect(paths).toHaveLength(2);
	for (const path of paths) expect((await fetch(`${backend.url}${path}`)).status).toBe(200);
	await secretary.context.close();
});
