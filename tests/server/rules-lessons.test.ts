// API rules of `lessons`: every signed-in role reads the list and a lesson without its answer
// keys, however it asks; only the superuser writes. Organisation A has the usual cast (see
// harness.ts); `outsider` is the admin of organisation B.
import PocketBase, { ClientResponseError, type RecordModel } from 'pocketbase';
import { describe, expect, it } from 'vitest';
import { as, ctx, expectDelete, refused, ROLES, serveRules, throwaway } from './rules-setup';

const CLIENTS = ROLES.filter((r) => r !== 'su');
const SIGNED_IN = CLIENTS.filter((r) => r !== 'guest');

let lesson: RecordModel;
/** Text that occurs only inside the lesson's answer keys. */
const MARKER = 'answerkeymarker';

serveRules(async () => {
	lesson = await ctx.su.collection('lessons').create({
		lesson_id: 'rules-lesson',
		title: '规则课程',
		minutes: 3,
		credits: 2,
		hash: 'h',
		source: 'builtin',
		questions: [
			{ id: 'q1', type: 'single', stem: MARKER, options: [{ key: 'K', text: '甲' }], answer: 'K' }
		]
	});
});

const noKeys = (r: RecordModel) => {
	expect(r).not.toHaveProperty('questions');
	expect(JSON.stringify(r)).not.toContain(MARKER);
};
const QUERIES = [
	['plain', {}],
	['fields=questions', { fields: 'id,questions' }],
	['fields=*,questions', { fields: '*,questions' }],
	['expand=questions', { expand: 'questions' }]
] as const;

describe('lessons: reading', () => {
	it.each(ROLES)('%s: list', async (role) => {
		const items = await as(role).collection('lessons').getFullList();
		if (role === 'guest') return expect(items).toEqual([]);
		expect(items.map((l) => l.lesson_id)).toEqual(['rules-lesson']);
		if (role === 'su') expect(items[0]?.questions).toHaveLength(1);
		else noKeys(items[0] as RecordModel);
	});

	it.each(ROLES)('%s: view', async (role) => {
		const request = as(role).collection('lessons').getOne(lesson.id);
		if (role === 'guest') return expect(await refused(request)).toBe(404);
		const r = await request;
		expect(r).toMatchObject({ lesson_id: 'rules-lesson', title: '规则课程', credits: 2 });
		if (role === 'su') expect(r.questions).toHaveLength(1);
		else noKeys(r);
	});

	it.each(SIGNED_IN.flatMap((r) => QUERIES.map(([name, q]) => [r, name, q] as const)))(
		'%s: no answer keys with %s, by list or view',
		async (role, _name, query) => {
			const list = await as(role).collection('lessons').getList(1, 50, query);
			expect(list.items).toHaveLength(1);
			list.items.forEach(noKeys);
			noKeys(await as(role).collection('lessons').getOne(lesson.id, query));
		}
	);

	// Each pair: a filter that matches the answer keys and one that does not. Without the keys the
	// two must look alike; the superuser's answers show the pair does tell them apart.
	const PROBES = [
		['questions ~', `questions ~ "${MARKER}"`, 'questions ~ "nothing-like-it"'],
		['a JSON path', 'questions.0.answer = "K"', 'questions.0.answer = "Z"'],
		['a prefix', `questions ~ "%${MARKER.slice(0, 6)}%"`, 'questions ~ "%zzzzzz%"'],
		['emptiness', 'questions != null', 'questions = null']
	] as const;
	const outcome = (pb: PocketBase, filter: string) =>
		pb
			.collection('lessons')
			.getList(1, 50, { filter })
			.then(
				(r) => `${r.totalItems} items`,
				(e: ClientResponseError) => `status ${e.status}`
			);

	it.each(PROBES)('the superuser can filter by %s (the probes work)', async (_n, hit, miss) => {
		expect(await outcome(ctx.su, hit)).toBe('1 items');
		expect(await outcome(ctx.su, miss)).toBe('0 items');
	});

	it.each(CLIENTS.flatMap((r) => PROBES.map(([name, hit, miss]) => [r, name, hit, miss] as const)))(
		'%s: a filter on the answer keys by %s tells nothing',
		async (role, _name, hit, miss) => {
			expect(await outcome(as(role), hit)).toBe(await outcome(as(role), miss));
		}
	);

	it.each(SIGNED_IN)('%s: sorting by the answer keys tells nothing', async (role) => {
		const second = await ctx.su.collection('lessons').create({
			lesson_id: `rules-sort-${role.toLowerCase()}`,
			title: '排序',
			minutes: 1,
			questions: [{ id: 'q1', answer: 'A' }]
		});
		const order = (sort: string) =>
			as(role)
				.collection('lessons')
				.getFullList({ sort })
				.then(
					(r) => r.map((l) => l.id).join(),
					(e: ClientResponseError) => `status ${e.status}`
				);
		try {
			expect(await order('questions')).toBe(await order('-questions'));
		} finally {
			await ctx.su.collection('lessons').delete(second.id);
		}
	});
});

describe('lessons: writing', () => {
	it.each(ROLES)('%s: create', async (role) => {
		const lesson_id = `made-by-${role.toLowerCase()}`;
		const request = as(role)
			.collection('lessons')
			.create({ lesson_id, title: '新课', minutes: 1, questions: [] });
		if (role === 'su') expect(await request).toMatchObject({ lesson_id });
		else await refused(request);
		const made = await ctx.su
			.collection('lessons')
			.getFullList({ filter: ctx.su.filter('lesson_id = {:id}', { id: lesson_id }) });
		expect(made).toHaveLength(role === 'su' ? 1 : 0);
	});

	it.each(ROLES)('%s: update the title, credits and answer keys', async (role) => {
		const before = await ctx.su.collection('lessons').getOne(lesson.id);
		const change = { title: `改-${role}`, credits: 50, questions: [{ id: 'q1', answer: 'Z' }] };
		const request = as(role).collection('lessons').update(lesson.id, change);
		if (role === 'su') await request;
		else await refused(request);
		const after = await ctx.su.collection('lessons').getOne(lesson.id);
		if (role === 'su') {
			expect(after).toMatchObject(change);
			await ctx.su.collection('lessons').update(lesson.id, {
				title: before.title,
				credits: before.credits,
				questions: before.questions
			});
		} else expect(after).toEqual(before);
	});

	it.each(ROLES)('%s: delete', async (role) => {
		const target =
			role === 'su'
				? await throwaway('lessons', { lesson_id: 'throwaway', title: '临时', minutes: 1 })
				: lesson.id;
		await expectDelete(role, 'lessons', target, role === 'su');
	});
});
