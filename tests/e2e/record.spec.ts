// 学分 and the growth record in Chromium against a real PocketBase: a member's year (credits by
// track against the organisation's targets, the pace, the streak) on /me, and the printed
// growth record, whose PDF holds what the page shows.
import { extractText, getDocumentProxy } from 'unpdf';
import { v7 as uuidv7 } from 'uuid';
import { serverDay } from '../../src/lib/credits/engine';
import { builtIndex } from './helpers';
import { expect, makeUser, person, test, type Backend } from './server';

/** An event the server confirmed for `user`, on a server day `daysAgo` before today. */
function confirmed(
	backend: Backend,
	user: string,
	type: string,
	points: number,
	daysAgo: number,
	payload: Record<string, unknown> = {}
) {
	const at = Date.now() - daysAgo * 86_400_000;
	return backend.su.collection('events').create({
		event_id: uuidv7(),
		user,
		type,
		device: 'server',
		client_at: at,
		payload,
		server_day: serverDay(at),
		status: 'accepted',
		points,
		reason: '',
		subject: uuidv7(),
		lesson: typeof payload.lessonId === 'string' ? payload.lessonId : ''
	});
}

test('a member’s year of 学分 shows against the targets with a pace and a streak, the home page suggests what closes the gap, and the growth record prints to A4 PDF and shows each year with history', async ({
	browser,
	backend
}) => {
	const index = builtIndex();
	const required = index.lessons.find((l) => l.track === 'required')!;
	const member = await person(browser, backend, 'member');
	// This year: a required lesson (3 credits), three days of daily answers in a row, a contest win.
	const today = serverDay(Date.now());
	const daysAgo = today.slice(5) < '01-04' ? 0 : 1;
	await confirmed(backend, member.id, 'lesson.completed', 3, daysAgo, {
		lessonId: required.id,
		seconds: 300
	});
	for (const d of [daysAgo, daysAgo + 1, daysAgo + 2].filter((d) =>
		serverDay(Date.now() - d * 86_400_000).startsWith(today.slice(0, 4))
	)) {
		await confirmed(backend, member.id, 'daily.answered', 1, d, {
			day: '',
			questionId: 'q',
			answer: ['A']
		});
	}
	await confirmed(backend, member.id, 'contest.placed', 5, daysAgo, {
		contestId: 'c1',
		name: '党史知识竞赛',
		place: 1
	});
	// Two years ago: another lesson, in that year's record only.
	const earlier = index.lessons.find((l) => l.id !== required.id)!;
	const earlierYear = serverDay(Date.now() - 800 * 86_400_000).slice(0, 4);
	await confirmed(backend, member.id, 'lesson.completed', 2, 800, {
		lessonId: earlier.id,
		seconds: 300
	});

	const p = member.page;
	await p.getByRole('button', { name: '立即同步' }).click();
	await expect(p.getByRole('status').filter({ hasText: /已同步/ })).toBeVisible();
	await p.reload();
	await p.locator('html[data-hydrated]').waitFor();
	const year = p.getByRole('region', { name: `${today.slice(0, 4)} 年学分` });
	await expect(year.getByTestId('credits-required')).toHaveText('3 / 24 学分');
	await expect(year.getByRole('progressbar', { name: /必修/ })).toHaveAttribute('value', '3');
	await expect(year).toContainText('还差 21 学分');
	await expect(year).toContainText(/每周学 \d+ 节课可以按时完成/);
	await expect(year.getByTestId('streak')).toContainText(/连续学习 \d+ 天/);

	// The home page suggests lessons that close the gap, with why.
	await p.getByRole('navigation').getByRole('link', { name: '首页' }).click();
	const suggested = p.getByRole('region', { name: '补学分：建议先学' });
	await expect(suggested.getByRole('link')).toHaveCount(3);
	await expect(suggested).toContainText(/补(必修|选修)学分|正确率/);
	await expect(suggested).not.toContainText(required.title);
	await p.getByRole('navigation').getByRole('link', { name: '我的' }).click();

	await year.getByRole('link', { name: '成长档案' }).click();
	const record = p.getByRole('article', { name: /党员成长档案/ });
	await expect(record).toContainText(required.title);
	await expect(record).toContainText('党史知识竞赛 · 第 1 名');
	await p.emulateMedia({ media: 'print' });
	await expect(p.getByRole('navigation')).toBeHidden();
	const pdf = await p.pdf({ format: 'A4' });
	const { text, totalPages } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), {
		mergePages: true
	});
	expect(totalPages).toBeGreaterThanOrEqual(1);
	const flat = text.replace(/\s+/g, '');
	for (const expected of [
		`党员成长档案·${today.slice(0, 4)}`,
		member.name,
		'打印日期',
		'完成课程1节',
		required.title.replace(/\s+/g, ''),
		'党史知识竞赛·第1名',
		'必修：3/24学分'
	]) {
		expect(flat).toContain(expected);
	}
	expect(flat).not.toContain('立即同步');

	// Another year: only the years with history are offered, each with its own record.
	await p.emulateMedia({ media: 'screen' });
	const choose = p.getByLabel('年度');
	await expect(choose.getByRole('option')).toHaveText([today.slice(0, 4), earlierYear]);
	await choose.selectOption(earlierYear);
	await expect(record.getByRole('heading', { level: 1 })).toHaveText(
		`党员成长档案 · ${earlierYear}`
	);
	await expect(record).toContainText(earlier.title);
	await expect(record).not.toContainText(required.title);
	await expect(record).not.toContainText('党史知识竞赛');
	await member.context.close();
});

test('a secretary prints the branch’s growth records, one A4 page each', async ({
	browser,
	backend
}) => {
	const index = builtIndex();
	const lesson = index.lessons.find((l) => l.track === 'required')!;
	const { id, name } = await makeUser(backend, 'member', `档案党员${Date.now().toString(36)}`);
	await confirmed(backend, id, 'lesson.completed', 3, 0, { lessonId: lesson.id, seconds: 300 });
	const secretary = await person(browser, backend, 'secretary');
	const s = secretary.page;
	await s.goto(`${backend.url}/studio/records`);
	await s.locator('html[data-hydrated]').waitFor();
	const record = s.getByRole('article').filter({ hasText: name });
	await expect(record).toContainText(lesson.title);
	await expect(record).toContainText('必修：3 / 24 学分');
	await s.emulateMedia({ media: 'print' });
	const pdf = await s.pdf({ format: 'A4' });
	const { text, totalPages } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), {
		mergePages: false
	});
	// One page per member of the branch, this member's among them.
	const count = await s.getByRole('article').count();
	expect(totalPages).toBeGreaterThanOrEqual(count);
	const page = text.find((p) => p.replace(/\s+/g, '').includes(name));
	expect(page?.replace(/\s+/g, '')).toContain(lesson.title.replace(/\s+/g, ''));
	await secretary.context.close();
});
