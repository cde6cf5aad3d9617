// API rules of the studio: every role × list / view / create / update / delete for lessons
// written in the app (in each status), assignments, banks and feedback; the server fields no
// client sets; who moves a lesson through review. Organisation A has the usual cast (see
// harness.ts) and its studio lessons are written by `member` of branch 0; `outsider` is the admin
// of organisation B.
import type PocketBase from 'pocketbase';
import type { RecordModel } from 'pocketbase';
import { describe, expect, it } from 'vitest';
import { unique } from './harness';
import { lessonText as lessonFile, review } from './studio-fixtures';
import {
	as,
	ctx,
	cross,
	expectDelete,
	expectSeen,
	orgA,
	orgB,
	refused,
	ROLES,
	serveRules,
	type Person,
	type Role
} from './rules-setup';

const uid = () => unique('rs-').toLowerCase();
/** A valid lesson file with one question. */
const lessonText = (id: string, title?: string) => lessonFile(id, title).text;
const BANK = `一、单选题
1. 党的最高领导机关是（ ）。
A. 党的全国代表大会和它所产生的中央委员会
B. 中央政治局
答案：A
`;
const DUE = '2030-01-01 00:00:00.000Z';
const SIGNED_IN = ROLES.filter((r) => r !== 'guest');
const LEADERS: Role[] = ['secretary', 'admin', 'su'];
const AUTHOR_AND_LEADERS: Role[] = ['member', ...LEADERS];
const BRANCH_0: Role[] = ['member', 'other', 'secretary', 'admin', 'su'];
const ORG_A: Role[] = ['member', 'other', 'stranger', 'secretary', 'otherSecretary', 'admin', 'su'];

/** The id and the branch of a signed-in role's user. */
const idOf = (role: Role) => as(role).authStore.record?.id ?? '';
const branchOf = (role: Role) =>
	role === 'outsider'
		? orgB.branches[0]
		: orgA.branches[role === 'stranger' || role === 'otherSecretary' ? 1 : 0];
/** Someone a role might try to write in the name of. */
const victimOf = (role: Role) => (role === 'member' ? orgA.ids.other : orgA.ids.member);

type May = 'may' | 'may not';
/** Cells as [role, 'may' | 'may not', label, target], so that the names read as the policy. */
const verdict = (allowed: Role[], r: Role): May => (allowed.includes(r) ? 'may' : 'may not');
const matrix = <T extends string>(targets: Record<T, string>, allowed: (t: T) => Role[]) =>
	cross(ROLES, Object.keys(targets) as T[]).map(
		([r, t]) => [r, verdict(allowed(t), r), targets[t], t] as const
	);
const each = (allowed: Role[]) => ROLES.map((r) => [r, verdict(allowed, r)] as const);

/** `role` creates a record: if allowed it comes back, else it is refused and nothing is stored. */
async function expectCreate(role: Role, name: string, body: object, may: May, filter: string) {
	const request = as(role).collection(name).create(body);
	if (may === 'may') return request;
	await refused(request);
	expect(await ctx.su.collection(name).getFullList({ filter })).toEqual([]);
}

/** `role` sends `change` to record `id`: if allowed, `check` what is stored against what was;
 * otherwise the request is refused and the record stays as it was. */
async function expectUpdate(
	role: Role,
	name: string,
	id: string,
	may: May,
	change: object,
	check: (after: RecordModel, before: RecordModel) => void = () => {}
) {
	const before = await ctx.su.collection(name).getOne(id);
	const request = as(role).collection(name).update(id, change);
	if (may === 'may') await request;
	else await refused(request);
	const after = await ctx.su.collection(name).getOne(id);
	if (may === 'may') check(after, before);
	else expect(after).toEqual(before);
}

/** The ids among `ids` that `role`'s list of `collection` returns. */
async function listed(role: Role, collection: string, ids: string[]): Promise<string[]> {
	const filter = ids.map((id) => `id = "${id}"`).join(' || ');
	const items = await as(role).collection(collection).getFullList({ filter });
	return items.map((r) => r.id).sort();
}
const noKeys = (r: RecordModel) => expect(r).not.toHaveProperty('questions');

// Lessons, by status: who sees, updates and deletes one.
type State = 'builtin' | 'draft' | 'review' | 'changes' | 'rejected' | 'branch' | 'organisation';
const STATES: Record<State, string> = {
	builtin: 'a builtin lesson',
	draft: 'a shared draft',
	review: 'a lesson under review',
	changes: 'a lesson sent back for changes',
	rejected: 'a rejected lesson',
	branch: 'a lesson published to branch 0',
	organisation: 'a lesson published to the organisation'
};
const STATE_KEYS = Object.keys(STATES) as State[];
const LESSONS: Record<State, { see: Role[]; update: Role[]; remove: Role[] }> = {
	builtin: { see: SIGNED_IN, update: ['su'], remove: ['su'] },
	draft: { see: ['member', 'su'], update: ['member', 'su'], remove: ['member', 'su'] },
	review: { see: AUTHOR_AND_LEADERS, update: LEADERS, remove: LEADERS },
	changes: { see: AUTHOR_AND_LEADERS, update: AUTHOR_AND_LEADERS, remove: AUTHOR_AND_LEADERS },
	rejected: { see: AUTHOR_AND_LEADERS, update: LEADERS, remove: AUTHOR_AND_LEADERS },
	branch: { see: BRANCH_0, update: LEADERS, remove: LEADERS },
	organisation: { see: ORG_A, update: LEADERS, remove: LEADERS }
};
/** After `member` writes a lesson and (unless it stays a draft) submits it: who moves it on. */
const NEXT: Partial<Record<State, [Person, string]>> = {
	changes: ['secretary', 'changes'],
	rejected: ['secretary', 'reject'],
	branch: ['secretary', 'publish'],
	organisation: ['admin', 'publish']
};

/** A fresh lesson in `state`, as the superuser reads it. */
async function lessonIn(state: State): Promise<RecordModel> {
	const lesson_id = uid();
	if (state === 'builtin') {
		const questions = [{ id: 'q1', type: 'single', answer: 'A' }];
		const body = { lesson_id, title: '内置课程', minutes: 1, source: 'builtin', questions };
		return ctx.su.collection('lessons').create(body);
	}
	const { id } = await orgA.as.member.collection('lessons').create({ text: lessonText(lesson_id) });
	if (state !== 'draft') await review(orgA.as.member, id, { action: 'submit' });
	const [who, action] = NEXT[state] ?? [];
	const scope = state === 'organisation' ? 'organisation' : 'branch';
	if (who && action) await review(orgA.as[who], id, { action, note: '请补充出处', scope });
	const made = await ctx.su.collection('lessons').getOne(id);
	expect(made.status).toBe(state === 'branch' || state === 'organisation' ? 'published' : state);
	return made;
}
const newAssignment = async () =>
	orgA.as.admin
		.collection('assignments')
		.create({ branch: orgA.branches[0], lesson: (await lessonIn('builtin')).id, due: DUE });
const newBank = () =>
	orgA.as.secretary.collection('banks').create({ name: '党章题库', text: BANK });
/** Feedback by `other` on a fresh lesson published to branch 0. */
const newFeedback = async () =>
	orgA.as.other
		.collection('feedback')
		.create({ lesson: (await lessonIn('branch')).id, user: orgA.ids.other, rating: 5 });

const seeded = {} as Record<State, RecordModel>;
let assignment: RecordModel;
let bank: RecordModel;
/** Feedback by `other` on a lesson published to branch 0, by `stranger` on one published to the
 * organisation. */
const feedbackBy = {} as Record<'other' | 'stranger', RecordModel>;

serveRules(async () => {
	for (const state of STATE_KEYS) seeded[state] = await lessonIn(state);
	assignment = await newAssignment();
	bank = await newBank();
	feedbackBy.other = await newFeedback();
	feedbackBy.stranger = await orgA.as.stranger
		.collection('feedback')
		.create({ lesson: (await lessonIn('organisation')).id, user: orgA.ids.stranger, rating: 3 });
});

describe('lessons: reading', () => {
	it.each(ROLES)('%s lists exactly the lessons they may see, without answer keys', async (role) => {
		const all = STATE_KEYS.map((s) => seeded[s].id);
		const ids = await listed(role, 'lessons', all);
		const expected = STATE_KEYS.filter((s) => LESSONS[s].see.includes(role));
		expect(ids).toEqual(expected.map((s) => seeded[s].id).sort());
		if (role === 'su') return;
		(await as(role).collection('lessons').getFullList({ fields: 'id,questions' })).forEach(noKeys);
	});

	it.each(matrix(STATES, (s) => LESSONS[s].see))('%s %s view %s', async (role, may, _, state) => {
		const lessons = as(role).collection('lessons');
		const request = lessons.getOne(seeded[state].id);
		await expectSeen(request, may === 'may', { lesson_id: seeded[state].lesson_id });
		if (may === 'may not' || role === 'su') return;
		noKeys(await request);
		noKeys(await lessons.getOne(seeded[state].id, { fields: '*,questions' }));
	});
});

describe('lessons: writing', () => {
	it.each(each(SIGNED_IN))(
		'%s %s create a lesson, whose author, branch, kind and status the server sets',
		async (role, may) => {
			const lesson_id = uid();
			const forged = { author: victimOf(role), status: 'published', source: 'builtin' };
			const body = { text: lessonText(lesson_id), lesson_id, title: '新课', ...forged };
			const filter = `lesson_id = "${lesson_id}"`;
			const made = await expectCreate(role, 'lessons', { ...body, learners: 99 }, may, filter);
			if (!made) return;
			if (role === 'su') return void expect(made).toMatchObject(forged);
			noKeys(made);
			expect(made).toMatchObject({
				author: idOf(role),
				branch: branchOf(role),
				kind: ['member', 'other', 'stranger'].includes(role) ? 'shared' : 'official',
				status: 'draft',
				source: 'uploaded',
				learners: 0
			});
			expect((await ctx.su.collection('lessons').getOne(made.id)).questions).toHaveLength(1);
		}
	);

	it.each(matrix(STATES, (s) => LESSONS[s].update))(
		'%s %s update %s (its server fields stay as they were)',
		async (role, may, _, state) => {
			const { id, lesson_id } = await lessonIn(state);
			const title = `改-${role}`;
			const forged = { author: victimOf(role), status: 'draft', kind: 'official', learners: 9 };
			const change = { text: lessonText(lesson_id, title), title, ...forged };
			await expectUpdate(role, 'lessons', id, may, change, (after, before) => {
				expect(after.title).toBe(title);
				if (role === 'su') return;
				const { author, status, source, kind, branch, learners } = before;
				expect(after).toMatchObject({ author, status, source, kind, branch, learners });
			});
		}
	);

	it.each(matrix(STATES, (s) => LESSONS[s].remove))(
		'%s %s delete %s',
		async (role, may, _, state) => {
			await expectDelete(role, 'lessons', (await lessonIn(state)).id, may === 'may');
		}
	);
});

describe('review and publication', () => {
	/** Per action: the status a lesson is in, the status it moves to, and who may move it. */
	const ACTIONS: Record<string, [State, string, Role[]]> = {
		submit: ['draft', 'review', ['member']],
		publish: ['review', 'published', ['secretary', 'admin']],
		changes: ['review', 'changes', ['secretary', 'admin']],
		reject: ['review', 'rejected', ['secretary', 'admin']],
		withdraw: ['branch', 'draft', ['secretary', 'admin']]
	};
	const NAMES = Object.fromEntries(
		Object.entries(ACTIONS).map(([action, [from]]) => [action, `${action} ${STATES[from]}`])
	);

	it.each(matrix(NAMES, (a) => ACTIONS[a]?.[2] ?? []))('%s %s %s', async (role, may, _, action) => {
		const [from = 'draft', to] = ACTIONS[action] ?? [];
		const lesson = await lessonIn(from);
		const request = review(as(role), lesson.id, { action, note: '理由' });
		if (may === 'may') expect(await request).toMatchObject({ status: to });
		// Only users act here: a guest is asked to sign in, the superuser is turned away.
		else await expect(request).rejects.toMatchObject({ status: role === 'guest' ? 401 : 403 });
		const after = await ctx.su.collection('lessons').getOne(lesson.id);
		expect(after.status).toBe(may === 'may' ? to : lesson.status);
	});
});

describe('assignments', () => {
	const BRANCHES = { b0: 'branch 0', b1: 'branch 1' } as const;
	const ASSIGNERS = { b0: LEADERS, b1: ['otherSecretary', 'admin', 'su'] as Role[] };

	it.each(each(BRANCH_0))('%s %s list and view branch 0’s assignment', async (role, may) => {
		const ids = await listed(role, 'assignments', [assignment.id]);
		expect(ids).toEqual(may === 'may' ? [assignment.id] : []);
		const request = as(role).collection('assignments').getOne(assignment.id);
		await expectSeen(request, may === 'may', { branch: orgA.branches[0] });
	});

	it.each(matrix(BRANCHES, (b) => ASSIGNERS[b]))(
		'%s %s assign a lesson to %s (the server notes who assigned it)',
		async (role, may, _, b) => {
			const lesson = (await lessonIn('builtin')).id;
			const body = { branch: orgA.branches[b === 'b0' ? 0 : 1], lesson, due: DUE };
			const forged = { assigned_by: victimOf(role), organisation: orgB.org };
			const filter = `lesson = "${lesson}"`;
			const made = await expectCreate(role, 'assignments', { ...body, ...forged }, may, filter);
			if (!made) return;
			const set = { assigned_by: idOf(role), organisation: orgA.org };
			expect(made).toMatchObject({ ...body, ...(role === 'su' ? forged : set) });
		}
	);

	it.each(each(LEADERS))(
		'%s %s update branch 0’s assignment, but not who assigned it',
		async (role, may) => {
			const change = { note: `改-${role}`, assigned_by: victimOf(role) };
			const { id } = await newAssignment();
			await expectUpdate(role, 'assignments', id, may, change, (after, before) => {
				expect(after.note).toBe(change.note);
				if (role !== 'su') expect(after.assigned_by).toBe(before.assigned_by);
			});
		}
	);

	it.each(cross(['secretary', 'admin'] as const, ['branch', 'lesson'] as const))(
		'%s may not move an assignment to another %s',
		async (role, field) => {
			const other = field === 'branch' ? orgA.branches[1] : (await lessonIn('builtin')).id;
			const { id } = await newAssignment();
			await expectUpdate(role, 'assignments', id, 'may not', { [field]: other });
		}
	);

	it.each(each(LEADERS))('%s %s delete branch 0’s assignment', async (role, may) => {
		await expectDelete(role, 'assignments', (await newAssignment()).id, may === 'may');
	});
});

describe('banks', () => {
	const CREATORS: Role[] = ['secretary', 'otherSecretary', 'admin', 'outsider', 'su'];

	it.each(each(LEADERS))('%s %s list and view branch 0’s bank', async (role, may) => {
		expect(await listed(role, 'banks', [bank.id])).toEqual(may === 'may' ? [bank.id] : []);
		const request = as(role).collection('banks').getOne(bank.id);
		await expectSeen(request, may === 'may', { count: 1, questions: bank.questions });
	});

	it.each(each(['member', 'other', 'secretary', 'admin', 'su']))(
		'%s %s list and view branch 0’s 练习题库 (its members practise it)',
		async (role, may) => {
			const practice = await orgA.as.secretary
				.collection('banks')
				.create({ name: unique('练习-'), text: BANK, practice: true });
			expect(await listed(role, 'banks', [practice.id])).toEqual(
				may === 'may' ? [practice.id] : []
			);
		}
	);

	it.each(each(ORG_A))(
		'%s %s list the organisation’s 练习题库 (its admin published it)',
		async (role, may) => {
			const practice = await orgA.as.admin
				.collection('banks')
				.create({ name: unique('练习-'), text: BANK, practice: true });
			expect(await listed(role, 'banks', [practice.id])).toEqual(
				may === 'may' ? [practice.id] : []
			);
		}
	);

	it.each(each(CREATORS))(
		'%s %s create a bank, whose author and branch the server sets',
		async (role, may) => {
			const name = unique('bank-');
			const forged = { author: victimOf(role), branch: orgB.branches[1] };
			const body = { name, text: BANK, ...forged };
			const made = await expectCreate(role, 'banks', body, may, `name = "${name}"`);
			if (!made) return;
			const set = { author: idOf(role), branch: branchOf(role), count: 1 };
			expect(made).toMatchObject(role === 'su' ? forged : set);
		}
	);

	it.each(each(LEADERS))('%s %s update branch 0’s bank, but not its author', async (role, may) => {
		const change = { name: `改-${role}`, author: victimOf(role) };
		await expectUpdate(role, 'banks', (await newBank()).id, may, change, (after) => {
			expect(after.name).toBe(change.name);
			if (role !== 'su') expect(after.author).toBe(orgA.ids.secretary);
		});
	});

	it.each(each(LEADERS))('%s %s delete branch 0’s bank', async (role, may) => {
		await expectDelete(role, 'banks', (await newBank()).id, may === 'may');
	});

	it.each(SIGNED_IN.filter((r) => r !== 'su'))(
		'%s may not probe a bank’s answer keys with a filter on another collection',
		async (role) => {
			const filter = '@collection.banks.questions ~ "全国代表大会"';
			const probe = (pb: PocketBase) => pb.collection('lessons').getList(1, 1, { filter });
			expect((await probe(ctx.su)).totalItems).toBeGreaterThan(0);
			await expect(probe(as(role))).rejects.toMatchObject({ status: 403 });
		}
	);
});

describe('feedback', () => {
	/** Feedback is written on a lesson its writer can study: built-in, or published to them (the
	 * superuser: anywhere). */
	const WRITE_ON = (s: State): Role[] =>
		s === 'builtin' || s === 'branch' || s === 'organisation' ? LESSONS[s].see : ['su'];
	const WRITERS = { other: 'other’s feedback', stranger: 'stranger’s feedback' } as const;
	const READERS: Record<keyof typeof WRITERS, Role[]> = {
		other: ['other', 'member', 'secretary', 'admin', 'su'],
		stranger: ['stranger', 'member', 'secretary', 'admin', 'su']
	};

	it.each(ROLES)('%s lists exactly the feedback they may read', async (role) => {
		const ids = await listed(role, 'feedback', [feedbackBy.other.id, feedbackBy.stranger.id]);
		const writers = (['other', 'stranger'] as const).filter((w) => READERS[w].includes(role));
		expect(ids).toEqual(writers.map((w) => feedbackBy[w].id).sort());
	});

	it.each(matrix(WRITERS, (w) => READERS[w]))('%s %s view %s', async (role, may, _, w) => {
		const request = as(role).collection('feedback').getOne(feedbackBy[w].id);
		await expectSeen(request, may === 'may', { rating: feedbackBy[w].rating });
	});

	it.each(matrix(STATES, WRITE_ON))(
		'%s %s write their own feedback on %s',
		async (role, may, _, state) => {
			const user = role === 'su' ? orgB.ids.other : idOf(role);
			const body = { lesson: seeded[state].id, user, rating: 4 };
			const filter = `lesson = "${body.lesson}" && user = "${user}"`;
			const made = await expectCreate(role, 'feedback', body, may, filter);
			if (made) expect(made).toMatchObject(body);
		}
	);

	it.each(SIGNED_IN.filter((r) => r !== 'su'))(
		'%s may not write feedback in another member’s name',
		async (role) => {
			const lesson = (await lessonIn('organisation')).id;
			const body = { lesson, user: victimOf(role), rating: 1 };
			await expectCreate(role, 'feedback', body, 'may not', `lesson = "${lesson}"`);
		}
	);

	it.each(each(['other', 'su']))('%s %s update other’s feedback', async (role, may) => {
		await expectUpdate(role, 'feedback', (await newFeedback()).id, may, { rating: 2 }, (after) =>
			expect(after.rating).toBe(2)
		);
	});

	it.each(['user', 'lesson'] as const)(
		'the writer may not move their feedback to another %s',
		async (field) => {
			const other = field === 'user' ? orgA.ids.member : (await lessonIn('organisation')).id;
			const { id } = await newFeedback();
			await expectUpdate('other', 'feedback', id, 'may not', { [field]: other });
		}
	);

	it.each(each(['other', ...LEADERS]))('%s %s delete other’s feedback', async (role, may) => {
		await expectDelete(role, 'feedback', (await newFeedback()).id, may === 'may');
	});
});
