import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PocketBase from 'pocketbase';
import { startPocketBase, type Server } from '../../scripts/pocketbase/server.js';

export const SUPERUSER = { email: 'root@gongxue.test', password: 'root-password-123' };
export const PASSWORD = 'member-password-123';

/** A client as a device would make it (no request cancelling, as in Node). */
export function client(url: string): PocketBase {
	const pb = new PocketBase(url);
	pb.autoCancellation(false);
	return pb;
}

export interface Ctx {
	server: Server;
	/** Signed in as the superuser. */
	su: PocketBase;
	/** Kill the server at once (as a crash would) and start it again on the same data and port. */
	restart(opts?: { kill?: boolean }): Promise<void>;
	close(): Promise<void>;
}

/**
 * A real PocketBase on a free port with a fresh temporary data folder. Tests come from one
 * loopback address, so the rate limiter exempts it unless `rateLimits` is asked for.
 */
export async function startServer(opts: { rateLimits?: boolean } = {}): Promise<Ctx> {
	const dir = mkdtempSync(join(tmpdir(), 'gongxue-pb-'));
	const server = await startPocketBase({ dir, superuser: SUPERUSER });
	const su = client(server.url);
	await su.collection('_superusers').authWithPassword(SUPERUSER.email, SUPERUSER.password);
	if (!opts.rateLimits) {
		const { rateLimits } = await su.settings.getAll();
		await su.settings.update({ rateLimits: { ...rateLimits, excludedIPs: ['127.0.0.1'] } });
	}
	const ctx: Ctx = {
		server,
		su,
		async restart({ kill = true } = {}) {
			const old = ctx.server;
			if (kill) {
				const exited = new Promise((r) => old.process.once('exit', r));
				old.process.kill('SIGKILL');
				await exited;
			} else await old.stop();
			ctx.server = await startPocketBase({ dir, port: old.port, superuser: SUPERUSER });
			// Starting upserts the superuser, which renews its token key: sign in again.
			await su.collection('_superusers').authWithPassword(SUPERUSER.email, SUPERUSER.password);
		},
		async close() {
			await ctx.server.stop();
			rmSync(dir, { recursive: true, force: true });
		}
	};
	return ctx;
}

let counter = 0;
/** A string no other call in this process returned: `prefix`, the time and a counter. */
export const unique = (prefix: string) =>
	`${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

export interface Org {
	org: string;
	branches: [string, string];
	codes: [string, string];
	/** Signed-in clients by role: a member and another member of branch 0, a member of branch 1,
	 * the secretaries of both branches, and the organisation's admin. */
	as: Record<
		'member' | 'other' | 'stranger' | 'secretary' | 'otherSecretary' | 'admin',
		PocketBase
	>;
	ids: Record<'member' | 'other' | 'stranger' | 'secretary' | 'otherSecretary' | 'admin', string>;
}

/** An organisation with two branches and a user of every role, each signed in. */
export async function makeOrg(ctx: Ctx): Promise<Org> {
	const org = await ctx.su
		.collection('organisations')
		.create({ name: '测试组织', code: unique('org-') });
	const codes: [string, string] = [
		unique('A').toUpperCase().slice(0, 12),
		unique('B').toUpperCase().slice(0, 12)
	];
	const b0 = await ctx.su
		.collection('branches')
		.create({ name: '第一支部', organisation: org.id, join_code: codes[0] });
	const b1 = await ctx.su
		.collection('branches')
		.create({ name: '第二支部', organisation: org.id, join_code: codes[1] });
	const plan = {
		member: [b0.id, 'member'],
		other: [b0.id, 'member'],
		stranger: [b1.id, 'member'],
		secretary: [b0.id, 'secretary'],
		otherSecretary: [b1.id, 'secretary'],
		admin: [b0.id, 'admin']
	} as const;
	const as = {} as Org['as'];
	const ids = {} as Org['ids'];
	for (const [key, [branch, role]] of Object.entries(plan) as [
		keyof typeof plan,
		(typeof plan)[keyof typeof plan]
	][]) {
		const email = `${unique(key)}@gongxue.test`;
		const user = await ctx.su.collection('users').create({
			email,
			password: PASSWORD,
			passwordConfirm: PASSWORD,
			name: `${key}-姓名`,
			branch,
			role
		});
		const pb = client(ctx.server.url);
		await pb.collection('users').authWithPassword(email, PASSWORD);
		as[key] = pb;
		ids[key] = user.id;
	}
	return { org: org.id, branches: [b0.id, b1.id], codes, as, ids };
}

/** A lesson on the server with one single-choice question keyed `A`. */
export async function makeLesson(ctx: Ctx, opts: { minutes: number; credits: number | null }) {
	const lessonId = unique('lesson-').toLowerCase();
	const questionId = 'q' + unique('').padEnd(12, '0').slice(0, 12);
	await ctx.su.collection('lessons').create({
		lesson_id: lessonId,
		title: '测试课程',
		minutes: opts.minutes,
		credits: opts.credits,
		questions: [
			{
				id: questionId,
				number: 1,
				type: 'single',
				stem: '题干',
				explanation: '',
				line: 1,
				options: [
					{ key: 'A', text: '甲' },
					{ key: 'B', text: '乙' }
				],
				answer: 'A'
			}
		],
		source: 'builtin'
	});
	return { lessonId, questionId, key: 'A' };
}
