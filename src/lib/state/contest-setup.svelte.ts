import { m } from '$lib/i18n/studio';
import { classify, createContest, messageOf, ownBanks } from '$lib/sync';
import { account } from './account.svelte';

/** 创建竞赛: the leader's form for a live contest, and their banks to draw it from. */
export class ContestSetup {
	banks = $state<{ id: string; name: string; count: number }[]>([]);
	loaded = $state(false);
	name = $state('');
	chosen = $state<string[]>([]);
	count = $state(10);
	seconds = $state(20);
	/** `YYYY-MM-DDTHH:mm` in the device's time, as a datetime-local field has it. */
	startsAt = $state('');
	scope = $state<'branch' | 'organisation'>('branch');
	sending = $state(false);
	problem = $state<string | null>(null);
	created = $state<{ id: string; name: string } | null>(null);

	get admin(): boolean {
		return account.member?.role === 'admin';
	}

	async load(): Promise<void> {
		await account.start();
		const pb = account.client();
		if (pb === null || account.member === null) return;
		try {
			this.banks = await ownBanks(pb);
		} catch (e) {
			this.problem = classify(e) === 'offline' ? m.studio.contests.offline : messageOf(e);
		} finally {
			this.loaded = true;
		}
	}

	async submit(): Promise<void> {
		const pb = account.client();
		const member = account.member;
		const start = Date.parse(this.startsAt);
		if (pb === null || member === null) return;
		if (this.name.trim() === '' || this.chosen.length === 0 || Number.isNaN(start)) {
			this.problem = m.studio.contests.pick;
			return;
		}
		this.sending = true;
		this.problem = null;
		try {
			const organisationWide = this.admin && this.scope === 'organisation';
			const id = await createContest(pb, {
				name: this.name.trim(),
				scope: organisationWide ? 'organisation' : 'branch',
				branches: organisationWide ? [] : [member.branch],
				banks: [...this.chosen],
				count: this.count,
				seconds: this.seconds,
				startsAt: start
			});
			this.created = { id, name: this.name.trim() };
			this.name = '';
		} catch (e) {
			this.problem = classify(e) === 'offline' ? m.studio.contests.offline : messageOf(e);
		} finally {
			this.sending = false;
		}
	}
}
