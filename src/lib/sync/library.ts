import type PocketBase from 'pocketbase';
import type { RecordModel } from 'pocketbase';
import type { Lesson, Question } from '$lib/content';
import type { parseLesson as ParseLesson } from '$lib/content/lesson';
import type { GongxueDb, PracticeBank } from '$lib/db';

const CURSOR = 'pull:lessons';
const PUBLISHED = 'source = "uploaded" && status = "published"';
const LESSON_FIELDS = 'id,lesson_id,text,kind,featured,learners,updated';
/** The cache key of the member's branch assignments. */
export const ASSIGNMENTS_KEY = 'assignments';

/** A required lesson assigned to the member's branch, as kept on the device. */
export interface Assignment {
	lessonId: string;
	title: string;
	/** Due time (ms since epoch). */
	due: number;
	note: string;
}

/**
 * The lesson a published record holds, parsed on the device with the same parser as built-in
 * lessons (so it renders and grades exactly like them); null if the text does not parse.
 */
export function lessonOf(r: RecordModel, parseLesson: typeof ParseLesson): Lesson | null {
	const { lesson } = parseLesson({ path: `${String(r.lesson_id)}.md`, text: String(r.text ?? '') });
	if (lesson === null) return null;
	return {
		...lesson,
		// After the built-in curriculum, the newest first.
		order: 100_000 + Math.round((2e12 - Date.parse(String(r.updated).replace(' ', 'T'))) / 1e6),
		origin: {
			record: r.id,
			kind: r.kind === 'shared' ? 'shared' : 'official',
			featured: r.featured === true,
			learners: Number(r.learners) || 0,
			updated: String(r.updated)
		}
	};
}

/**
 * Bring lessons published to the member (their branch or organisation) onto the device for
 * offline study: those changed since the last pull are stored, and those no longer published to
 * the member are removed (progress on them stays). Returns how many were stored.
 */
export async function pullLessons(db: GongxueDb, pb: PocketBase): Promise<number> {
	const cursor = String((await db.meta.get(CURSOR))?.value ?? '');
	const changed = await pb.collection('lessons').getFullList({
		filter:
			cursor === '' ? PUBLISHED : pb.filter(`${PUBLISHED} && updated >= {:cursor}`, { cursor }),
		sort: 'updated',
		fields: LESSON_FIELDS,
		batch: 200
	});
	const live = new Set(
		(
			await pb
				.collection('lessons')
				.getFullList({ filter: PUBLISHED, fields: 'lesson_id', batch: 1000 })
		).map((r) => String(r.lesson_id))
	);
	// The cursor is inclusive (two changes may share a millisecond): skip what is stored as is.
	const kept = await db.lessons.bulkGet(changed.map((r) => String(r.lesson_id)));
	const fresh = changed.filter((r, i) => kept[i]?.origin?.updated !== String(r.updated));
	// The parser (marked, js-yaml) loads only when there is something to parse: it is not part
	// of what a first visit downloads.
	const { parseLesson } =
		fresh.length > 0 ? await import('$lib/content/lesson') : { parseLesson: null };
	const lessons =
		parseLesson === null
			? []
			: fresh.map((r) => lessonOf(r, parseLesson)).filter((l): l is Lesson => l !== null);
	await db.transaction('rw', db.lessons, db.meta, async () => {
		const gone = (await db.lessons.toCollection().primaryKeys()).filter((id) => !live.has(id));
		await db.lessons.bulkDelete(gone);
		await db.lessons.bulkPut(lessons);
		const last = changed[changed.length - 1];
		if (last) await db.meta.put({ key: CURSOR, value: String(last.updated) });
	});
	return lessons.length;
}

/** Fetch the branch's required-lesson assignments and keep them for offline display. */
export async function pullAssignments(db: GongxueDb, pb: PocketBase): Promise<Assignment[]> {
	const records = await pb.collection('assignments').getFullList({
		expand: 'lesson',
		fields: 'due,note,expand.lesson.lesson_id,expand.lesson.title',
		sort: 'due',
		batch: 500
	});
	const list: Assignment[] = records.map((r) => {
		const lesson = (r.expand?.lesson ?? {}) as RecordModel;
		return {
			lessonId: String(lesson.lesson_id ?? ''),
			title: String(lesson.title ?? ''),
			due: Date.parse(String(r.due).replace(' ', 'T')),
			note: String(r.note ?? '')
		};
	});
	await db.cache.put({ key: ASSIGNMENTS_KEY, value: list, at: Date.now() });
	return list;
}

/** Where the member's 练习题库 are kept on the device. */
export const PRACTICE_BANKS_KEY = 'practice-banks';

/**
 * Bring the 练习题库 of the member's branch and organisation to the device, for offline
 * practice: the list is small and read whole (a bank deleted on the server leaves the device
 * too); the questions of a bank are fetched only when it is new or changed.
 */
export async function pullPracticeBanks(db: GongxueDb, pb: PocketBase): Promise<PracticeBank[]> {
	// Banks of the member's branch, and of their organisation (the API rules show no other
	// organisation's); a leader also sees other branches' banks, which are not theirs to practise.
	const branch = String(pb.authStore.record?.branch ?? '');
	const filter = pb.filter(
		"practice_from != '' && ((practice_scope = 'branch' && branch = {:branch}) || practice_scope = 'organisation')",
		{ branch }
	);
	const heads = await pb
		.collection('banks')
		.getFullList({ filter, fields: 'id,updated', sort: 'practice_from,id', batch: 500 });
	const kept = (await db.cache.get(PRACTICE_BANKS_KEY))?.value as PracticeBank[] | undefined;
	const byId = new Map((kept ?? []).map((b) => [b.id, b]));
	const banks: PracticeBank[] = [];
	for (const head of heads) {
		const known = byId.get(head.id);
		if (known && known.updated === head.updated) {
			banks.push(known);
			continue;
		}
		const r = await pb
			.collection('banks')
			.getOne(head.id, { fields: 'id,name,practice_from,questions,updated' });
		banks.push({
			id: r.id,
			name: String(r.name),
			from: String(r.practice_from),
			questions: (r.questions ?? []) as Question[],
			updated: String(r.updated)
		});
	}
	await db.cache.put({ key: PRACTICE_BANKS_KEY, value: banks, at: Date.now() });
	return banks;
}
