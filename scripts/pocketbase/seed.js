// Seeds PocketBase idempotently: the built-in lessons (with the answer keys the server grades
// with) from the build's content pack, and, for `npm start`, a demo organisation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PocketBase from 'pocketbase';
import { v7 as uuidv7 } from 'uuid';

/**
 * Upsert every built-in lesson of `buildDir`'s content pack into `lessons`.
 * @param {PocketBase} su a client signed in as a superuser
 * @param {string} buildDir
 * @returns {Promise<number>} lessons written
 */
export async function seedLessons(su, buildDir) {
	const index = JSON.parse(readFileSync(join(buildDir, 'content/index.json'), 'utf8'));
	const existing = new Map(
		(await su.collection('lessons').getFullList({ fields: 'id,lesson_id,hash', batch: 500 })).map(
			(r) => [r.lesson_id, r]
		)
	);
	let written = 0;
	for (const meta of index.lessons) {
		const stored = existing.get(meta.id);
		if (stored?.hash === meta.hash) continue;
		const lesson = JSON.parse(
			readFileSync(join(buildDir, 'content/lessons', `${meta.id}.json`), 'utf8')
		);
		const body = {
			lesson_id: lesson.id,
			title: lesson.title,
			category: lesson.category,
			track: lesson.track,
			minutes: lesson.minutes,
			credits: lesson.credits,
			hash: lesson.hash,
			questions: lesson.questions,
			source: 'builtin'
		};
		if (stored) await su.collection('lessons').update(stored.id, body);
		else await su.collection('lessons').create(body);
		written++;
	}
	return written;
}

/**
 * Write the built-in question banks from a build's content pack into PocketBase (superuser),
 * under their content ids, so the server grades practice answers (每日答题, 挑战答题) against
 * its own keys. Idempotent: a bank is rewritten only when its questions changed. Returns how many
 * were written.
 * @param {import('pocketbase').default} su
 * @param {string} buildDir
 */
export async function seedBanks(su, buildDir) {
	const index = JSON.parse(readFileSync(join(buildDir, 'content/index.json'), 'utf8'));
	const existing = new Map(
		(
			await su
				.collection('banks')
				.getFullList({ filter: 'source = "builtin"', fields: 'id,bank_id,questions', batch: 500 })
		).map((r) => [r.bank_id, r])
	);
	let written = 0;
	for (const meta of index.banks) {
		const bank = JSON.parse(
			readFileSync(join(buildDir, 'content/banks', `${meta.id}.json`), 'utf8')
		);
		const stored = existing.get(bank.id);
		if (stored && JSON.stringify(stored.questions) === JSON.stringify(bank.questions)) continue;
		const body = {
			bank_id: bank.id,
			name: bank.title,
			questions: bank.questions,
			count: bank.questions.length,
			source: 'builtin'
		};
		if (stored) await su.collection('banks').update(stored.id, body);
		else await su.collection('banks').create(body);
		written++;
	}
	return written;
}

export const DEMO_PASSWORD = 'gongxue-demo';
export const DEMO = {
	org: { name: '示范互联网企业党委', code: 'demo' },
	// Branches of different sizes: the branch board ranks by points per member.
	branches: [
		{
			name: '研发党支部',
			join_code: 'YANFA2026',
			key: 'yanfa',
			people: ['李书记', '张伟', '刘洋', '陈静', '杨帆']
		},
		{
			name: '产品运营党支部',
			join_code: 'CHANPIN2026',
			key: 'chanpin',
			people: ['赵书记', '黄磊', '周敏', '吴昊']
		},
		{
			name: '客服与市场党支部',
			join_code: 'KEFU2026',
			key: 'kefu',
			people: ['孙书记', '马琳', '朱峰']
		}
	],
	admin: { email: 'admin@demo.gongxue.cn', name: '王组织' }
};

/**
 * @param {PocketBase} su
 * @param {{ email: string, name: string, branch: string, role: string }} user
 */
async function upsertUser(su, { email, name, branch, role }) {
	const found = await su
		.collection('users')
		.getList(1, 1, { filter: su.filter('email = {:email}', { email }) });
	if (found.items[0]) return found.items[0];
	return su.collection('users').create({
		email,
		name,
		branch,
		role,
		password: DEMO_PASSWORD,
		passwordConfirm: DEMO_PASSWORD,
		emailVisibility: false
	});
}

/**
 * The demo organisation: three branches, a secretary and members in each, an admin, and some
 * study history pushed through the real ingest hook. Safe to run on every start.
 * @param {PocketBase} su
 * @param {string} url
 * @returns {Promise<{ email: string, name: string, role: string, branch: string }[]>} the demo logins
 */
export async function seedDemo(su, url) {
	/**
	 * The first record matching `filter`, or the one `create` makes.
	 * @param {string} collection
	 * @param {string} filter
	 * @param {Record<string, unknown>} create
	 * @returns {Promise<import('pocketbase').RecordModel>}
	 */
	const findOrCreate = async (collection, filter, create) =>
		(await su.collection(collection).getList(1, 1, { filter })).items[0] ??
		(await su.collection(collection).create(create));
	const org = await findOrCreate('organisations', `code = "${DEMO.org.code}"`, DEMO.org);
	const logins = [];
	const lessons = (
		await su.collection('lessons').getFullList({ fields: 'lesson_id', sort: 'lesson_id' })
	).map((l) => l.lesson_id);
	for (const [i, b] of DEMO.branches.entries()) {
		const branch = await findOrCreate('branches', `join_code = "${b.join_code}"`, {
			name: b.name,
			organisation: org.id,
			join_code: b.join_code
		});
		for (const [j, name] of b.people.entries()) {
			const role = j === 0 ? 'secretary' : 'member';
			const email = `${role === 'secretary' ? 'shuji' : `dangyuan${j}`}.${b.key}@demo.gongxue.cn`;
			const user = await upsertUser(su, { email, name, branch: branch.id, role });
			logins.push({ email, name, role, branch: b.name });
			await seedHistory(su, url, user, email, lessons.slice((i + j) % 5, ((i + j) % 5) + 2 + j));
		}
		if (i === 0) {
			await upsertUser(su, { ...DEMO.admin, branch: branch.id, role: 'admin' });
			logins.push({
				email: DEMO.admin.email,
				name: DEMO.admin.name,
				role: 'admin',
				branch: b.name
			});
		}
	}
	return logins;
}

/**
 * A few completed lessons for a member who has none, pushed as that member's device would.
 * @param {PocketBase} su
 * @param {string} url
 * @param {{ id: string }} user
 * @param {string} email
 * @param {string[]} lessonIds
 */
async function seedHistory(su, url, user, email, lessonIds) {
	const has = await su.collection('events').getList(1, 1, { filter: `user = "${user.id}"` });
	if (has.totalItems > 0 || lessonIds.length === 0) return;
	const device = new PocketBase(url);
	device.autoCancellation(false);
	await device.collection('users').authWithPassword(email, DEMO_PASSWORD);
	const batch = device.createBatch();
	for (const lessonId of lessonIds) {
		batch.collection('events').create({
			event_id: uuidv7(),
			type: 'lesson.completed',
			device: 'demo-seed',
			client_at: Date.now(),
			payload: { lessonId, hash: 'seed', seconds: 300, readRatio: 1 }
		});
	}
	await batch.send();
}
