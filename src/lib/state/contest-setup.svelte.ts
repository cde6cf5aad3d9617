import { m } from '$lib/i18n/studio';
import { branchNames, classify, createContest, messageOf, ownBanks } from '$lib/sync';
import { account } from './account.svelte';
import { blankForm, readContest, type ContestForm, type ContestProblems } from './contest-form';

/**
 * 创建竞赛: the leader's form for a live or window contest, their banks to draw it from and (for
 * an admin) the organisation's branches to hold it for. What was typed stays on any failure.
 */
export class ContestSetup {
	banks = $state<{ id: string; name: string; count: number }[]>([]);
	/** The organisation's branches, by name: an admin's choice of 选定的支部. */
	branches = $state<{ id: string; name: string }[]>([]);
	loaded = $state(false);
	form = $state<ContestForm>(blankForm());
	/** What to change before sending, by field (checked on the device). */
	problems = $state<ContestProblems>({});
	/** Why the server did not create it: offline, or its refusal in its own words. */
	problem = $state<string | null>(null);
	sending = $state(false);
	created = $state<{ id: string; name: string; window: boolean } | null>(null);

	get admin(): boolean {
		return account.member?.role === 'admin';
	}

	async load(): Promise<void> {
		await account.start();
		const pb = account.client();
		if (pb === null || account.member === null) return;
		try {
			const [banks, names] = await Promise.all([
				ownBanks(pb),
				this.admin ? branchNames(pb) : Promise.resolve<Record<string, string>>({})
			]);
			this.banks = banks;
			this.branches = Object.entries(names)
				.map(([id, name]) => ({ id, name }))
				.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
		} catch (e) {
			this.problem = this.#why(e);
		} finally {
			this.loaded = true;
		}
	}

	async submit(): Promise<void> {
		const pb = account.client();
		const member = account.member;
		if (pb === null || member === null) return;
		this.created = null;
		this.problem = null;
		const read = readContest(this.form, { admin: this.admin, branch: member.branch }, Date.now());
		if (!read.ok) {
			this.problems = read.problems;
			return;
		}
		this.problems = {};
		this.sending = true;
		try {
			const id = await createContest(pb, read.contest);
			this.created = { id, name: read.contest.name, window: read.contest.mode === 'window' };
			this.form.name = '';
		} catch (e) {
			this.problem = this.#why(e);
		} finally {
			this.sending = false;
		}
	}

	#why(e: unknown): string {
		return classify(e) === 'offline' ? m.studio.contests.offline : messageOf(e);
	}
}
