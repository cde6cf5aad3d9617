import { contestPointsValid, rules } from '$lib/credits';
import { m } from '$lib/i18n/studio';
import type { NewContest } from '$lib/sync';

/** As the contests collection allows (pocketbase/pb_migrations/1764100000_contests.js). */
export const COUNT = { min: 1, max: 50 } as const;
export const SECONDS = { min: 5, max: 300 } as const;
/** The longest a 限时赛 may stay open (MAX_WINDOW_DAYS in pocketbase/pb_hooks/lib/contest.js). */
export const MAX_WINDOW_DAYS = 31;
/** How far in the past a start may be: the server allows a minute for clocks and typing. */
const GRACE_MS = 60_000;

/** The contest form as typed: a number field reads null while empty. */
export interface ContestForm {
	name: string;
	banks: string[];
	mode: 'live' | 'window';
	count: number | null;
	seconds: number | null;
	/** `YYYY-MM-DDTHH:mm` in the device's time, as a datetime-local field has it. */
	startsAt: string;
	endsAt: string;
	participation: number | null;
	/** Points for 1st, 2nd, 3rd… place, as many as the rules allow. */
	places: (number | null)[];
	/** An admin's choice; a secretary's contest is always their own branch's. */
	scope: 'branch' | 'branches' | 'organisation';
	/** The branches chosen for 'branches'. */
	branches: string[];
}

/** A field the leader has to change, and what to tell them. */
export type ContestField =
	'name' | 'banks' | 'count' | 'seconds' | 'startsAt' | 'endsAt' | 'points' | 'branches';
export type ContestProblems = Partial<Record<ContestField, string>>;

/** A fresh form: no points unless the leader sets some. */
export function blankForm(): ContestForm {
	return {
		name: '',
		banks: [],
		mode: 'live',
		count: 10,
		seconds: 20,
		startsAt: '',
		endsAt: '',
		participation: 0,
		places: Array.from({ length: rules.contests.places }, () => 0),
		scope: 'branch',
		branches: []
	};
}

const whole = (n: number | null, min: number, max: number) =>
	n !== null && Number.isInteger(n) && n >= min && n <= max;

/** Whether one points field is within the rule (an empty one counts as 0). */
export function pointsFieldValid(n: number | null): boolean {
	return contestPointsValid(n ?? 0, []);
}

/**
 * Check the form as the server would, on the device, before anything is sent: the contest to
 * create, or what the leader has to change (in the order the fields appear). `branch` is the
 * leader's own; only an admin may choose another scope.
 */
export function readContest(
	form: ContestForm,
	leader: { admin: boolean; branch: string },
	now: number
): { ok: true; contest: NewContest } | { ok: false; problems: ContestProblems } {
	const t = m.studio.contests.problems;
	const problems: ContestProblems = {};
	const name = form.name.trim();
	const windowed = form.mode === 'window';
	if (name === '') problems.name = t.name;
	const start = form.startsAt === '' ? NaN : Date.parse(form.startsAt);
	const end = windowed && form.endsAt !== '' ? Date.parse(form.endsAt) : NaN;
	if (Number.isNaN(start)) problems.startsAt = windowed ? t.windowStart : t.start;
	else if (start < now - GRACE_MS) problems.startsAt = t.past;
	if (windowed) {
		if (Number.isNaN(end)) problems.endsAt = t.end;
		else if (!Number.isNaN(start) && end <= start) problems.endsAt = t.endBeforeStart;
		else if (!Number.isNaN(start) && end - start > MAX_WINDOW_DAYS * 86_400_000) {
			problems.endsAt = t.tooLong(MAX_WINDOW_DAYS);
		}
	}
	if (form.banks.length === 0) problems.banks = t.banks;
	if (!whole(form.count, COUNT.min, COUNT.max)) problems.count = t.count(COUNT.min, COUNT.max);
	if (!whole(form.seconds, SECONDS.min, SECONDS.max)) {
		problems.seconds = t.seconds(SECONDS.min, SECONDS.max);
	}
	const participation = form.participation ?? 0;
	const places = form.places.map((n) => n ?? 0);
	if (!contestPointsValid(participation, places))
		problems.points = t.points(rules.contests.maxPoints);
	const scope = leader.admin ? form.scope : 'branch';
	if (scope === 'branches' && form.branches.length === 0) problems.branches = t.branches;
	if (Object.keys(problems).length > 0) return { ok: false, problems };
	return {
		ok: true,
		contest: {
			name,
			mode: form.mode,
			scope,
			branches:
				scope === 'organisation' ? [] : scope === 'branch' ? [leader.branch] : [...form.branches],
			banks: [...form.banks],
			count: form.count!,
			seconds: form.seconds!,
			startsAt: start,
			endsAt: windowed ? end : null,
			participationPoints: participation,
			// Trailing zeros say nothing: [5, 0, 0] awards first place only, as [5] does.
			placePoints: places.slice(0, places.findLastIndex((n) => n > 0) + 1)
		}
	};
}
