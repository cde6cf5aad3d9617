/// <reference path="../../pb_data/types.d.ts" />
// Contests (知识竞赛) on the server: set up from a leader's own banks, played through routes that
// reveal questions by the server's clock and score each answer with the shared contest code
// (src/lib/quiz/contest.ts, bundled in lib/gongxue.js). A question's key is sent only once the
// question has closed. Runs inside PocketBase's JS engine (CommonJS, ES2015).

const { refuse, byId, organisationOf } = require(`${__hooks}/lib/records.js`);
const board = require(`${__hooks}/lib/contest-board.js`);

/** The longest window a window contest may stay open. */
const MAX_WINDOW_DAYS = 31;

/** The contest's branches, as ids. */
function branchesOf(contest) {
	return contest.getStringSlice('branches');
}

/** Whether `auth` leads the contest: its organisation's admin or a secretary of its branches. */
function leads(app, auth, contest) {
	const branch = auth.getString('branch');
	if (branch === '') return false;
	const role = auth.getString('role');
	if (role === 'admin') return organisationOf(app, branch) === contest.getString('organisation');
	if (role === 'secretary') return branchesOf(contest).indexOf(branch) >= 0;
	return false;
}

/** Whether the contest is for `auth`: a member of its organisation and (unless organisation-
 * wide) of one of its branches. */
function inScope(app, auth, contest) {
	const branch = auth.getString('branch');
	if (branch === '' || organisationOf(app, branch) !== contest.getString('organisation')) {
		return false;
	}
	return contest.getString('scope') === 'organisation' || branchesOf(contest).indexOf(branch) >= 0;
}

/** Validate and complete a new contest: its scope, its banks, its questions drawn here. */
function create(e) {
	const auth = e.auth;
	const record = e.record;
	const app = e.app;
	const branch = auth.getString('branch');
	const role = auth.getString('role');
	const org = organisationOf(app, branch);
	const scope = record.getString('scope');
	if (role === 'secretary') {
		if (scope !== 'branch') return refuse(e, 403, '支部书记只能为本支部创建竞赛。');
		record.set('branches', [branch]);
	} else if (scope === 'branch' || scope === 'branches') {
		const chosen = branchesOf(record);
		if (chosen.length === 0) return refuse(e, 400, '请选择参赛的支部。');
		for (let i = 0; i < chosen.length; i++) {
			if (organisationOf(app, chosen[i]) !== org) return refuse(e, 403, '只能选择本组织的支部。');
		}
		if (scope === 'branch' && chosen.length !== 1)
			return refuse(e, 400, '本支部竞赛只能选择一个支部。');
	} else {
		record.set('branches', []);
	}
	record.set('organisation', org);
	record.set('created_by', auth.id);
	record.set('settled', false);

	// Questions from the leader's own banks (a built-in bank's keys are on every device).
	const bankIds = record.getStringSlice('banks');
	if (bankIds.length === 0) return refuse(e, 400, '请至少选择一个题库。');
	const pool = [];
	const seen = {};
	for (let i = 0; i < bankIds.length; i++) {
		const bank = byId(app, 'banks', bankIds[i]);
		const own =
			bank !== null &&
			bank.getString('source') !== 'builtin' &&
			(role === 'admin'
				? bank.getString('organisation') === org
				: bank.getString('branch') === branch);
		if (!own) return refuse(e, 403, '只能使用本支部（或本组织）自己的题库。');
		if (bank.getString('practice_from') !== '') {
			return refuse(
				e,
				400,
				'“' + bank.getString('name') + '”是练习题库，题目和答案已在成员手机上，不能用于竞赛。'
			);
		}
		JSON.parse(bank.getString('questions') || '[]').forEach((q) => {
			if (seen[q.id]) return;
			seen[q.id] = true;
			pool.push(q);
		});
	}
	const count = record.getInt('count');
	if (pool.length < count) {
		return refuse(e, 400, '所选题库只有 ' + pool.length + ' 道题，不够 ' + count + ' 道。');
	}
	// A fair draw: Fisher–Yates over the pool, by the server's random source.
	for (let i = pool.length - 1; i > 0; i--) {
		const j = Math.floor(Math.random() * (i + 1));
		const t = pool[i];
		pool[i] = pool[j];
		pool[j] = t;
	}
	record.set('questions', pool.slice(0, count));

	const startsAt = record.getDateTime('starts_at').unix() * 1000;
	if (startsAt < Date.now() - 60000) return refuse(e, 400, '开始时间不能早于现在。');
	if (record.getString('mode') === 'window') {
		const endsAt = record.getDateTime('ends_at').unix() * 1000;
		if (record.getDateTime('ends_at').isZero() || endsAt <= startsAt) {
			return refuse(e, 400, '限时赛的结束时间要晚于开始时间。');
		}
		if (endsAt - startsAt > MAX_WINDOW_DAYS * 86400000) {
			return refuse(e, 400, '限时赛最长开放 ' + MAX_WINDOW_DAYS + ' 天。');
		}
	} else {
		record.set('ends_at', '');
	}
	let list = null;
	try {
		list = JSON.parse(record.getString('place_points') || '[]');
	} catch (_) {
		list = null;
	}
	if (list === null) list = [];
	const g = require(`${__hooks}/lib/gongxue.js`);
	const max = g.rules.contests.maxPoints;
	const ok =
		Array.isArray(list) &&
		list.every((n) => typeof n === 'number') &&
		g.contestPointsValid(record.getInt('participation_points'), list);
	if (!ok) {
		return refuse(
			e,
			400,
			'参与积分和名次积分为 0–' + max + ' 的整数，名次最多 ' + g.rules.contests.places + ' 个。'
		);
	}
	record.set('place_points', list);
	return e.next();
}

/** The contest a route is about, if `auth` may play or lead it; else null (the route answers). */
function contestFor(e) {
	const contest = byId(e.app, 'contests', e.request.pathValue('id'));
	if (contest === null) return null;
	const auth = e.auth;
	if (!inScope(e.app, auth, contest) && !leads(e.app, auth, contest)) return null;
	return contest;
}

const questionsOf = board.questionsOf;

/** A question as a player sees it while it is open: no key, no explanation. */
function shown(q, position) {
	const out = { position: position, id: q.id, type: q.type, stem: q.stem };
	if (q.type === 'single' || q.type === 'multiple') {
		out.options = q.options.map((o) => ({ key: o.key, text: o.text }));
	}
	if (q.type === 'fill') out.blanks = q.blanks.map(() => []);
	return out;
}

/** The member's answer row for one question, or null. */
function answerOf(app, contestId, userId, position) {
	try {
		return app.findFirstRecordByFilter(
			'contest_answers',
			'contest = {:c} && user = {:u} && position = {:p}',
			{ c: contestId, u: userId, p: position }
		);
	} catch (_) {
		return null;
	}
}

/** Where the contest stands for this member at `now`: the shared timing code decides. */
function phaseFor(app, g, contest, userId, now) {
	const t = board.timingOf(contest);
	if (contest.getString('mode') !== 'window') return g.livePhase(t, now);
	const rows = app.findRecordsByFilter(
		'contest_answers',
		'contest = {:c} && user = {:u}',
		'position',
		0,
		0,
		{ c: contest.id, u: userId }
	);
	return g.windowPhase(
		t,
		now,
		rows.map((r) => ({
			position: r.getInt('position'),
			revealedAt: r.getFloat('revealed_at'),
			answered: r.getFloat('answered_at') > 0
		}))
	);
}

/** Where the contest stands for the member, now, as the play route answers. */
function stateFor(app, g, contest, userId, now) {
	const state = phaseFor(app, g, contest, userId, now);
	const out = {
		now: now,
		id: contest.id,
		name: contest.getString('name'),
		mode: contest.getString('mode'),
		count: contest.getInt('count'),
		seconds: contest.getInt('seconds'),
		phase: state.phase,
		opensAt: state.opensAt || null,
		closesAt: state.closesAt || null,
		nextAt: state.nextAt || null,
		endsAt: state.endsAt || state.endedAt || null,
		question: null,
		mine: null,
		reveal: null,
		board: board.boardOf(app, contest.id),
		me: board.standingOf(app, contest.id, userId)
	};
	if (state.phase === 'ready') out.position = state.index;
	if (state.phase !== 'open' && state.phase !== 'reveal') return out;
	out.position = state.index;
	const q = questionsOf(contest)[state.index];
	out.question = shown(q, state.index);
	const mine = answerOf(app, contest.id, userId, state.index);
	if (mine !== null && mine.getFloat('answered_at') > 0) {
		out.mine = { answer: JSON.parse(mine.getString('answer') || '[]'), ms: mine.getInt('ms') };
	}
	if (state.phase === 'reveal') {
		// Closed (live mode): now the key, the explanation and how the members did may be shown.
		out.reveal = { question: q, accuracy: board.accuracyOf(app, contest.id, state.index) };
		if (out.mine !== null) {
			out.mine.correct = mine.getBool('correct');
			out.mine.score = mine.getInt('score');
		}
	}
	return out;
}

/** GET /api/gongxue/contests/{id}/play: where the contest stands for this member, now. */
function play(e) {
	const g = require(`${__hooks}/lib/gongxue.js`);
	const contest = contestFor(e);
	if (contest === null) return refuse(e, 404, '没有这场竞赛，或它不面向你的支部。');
	const now = Date.now();
	board.tally(e.app, g, contest, now);
	return e.json(200, stateFor(e.app, g, contest, e.auth.id, now));
}

/** The message for an answer or a request that came when the question was not open. */
function notOpen(state) {
	if (state.phase === 'lobby') return '竞赛还没有开始。';
	if (state.phase === 'finished') return '竞赛已经结束。';
	return '这道题已经截止，不能再作答。';
}

/** POST /api/gongxue/contests/{id}/next {position} (window mode): show the member their next
 * question; its time starts now. Asking twice shows the same question. */
function next(e) {
	const g = require(`${__hooks}/lib/gongxue.js`);
	const contest = contestFor(e);
	if (contest === null) return refuse(e, 404, '没有这场竞赛，或它不面向你的支部。');
	if (!inScope(e.app, e.auth, contest)) return refuse(e, 403, '这场竞赛不面向你的支部。');
	if (contest.getString('mode') !== 'window') return refuse(e, 400, '直播赛按时出题，不需要领题。');
	const position = (e.requestInfo().body || {}).position;
	if (typeof position !== 'number') return refuse(e, 400, '请求格式有误。');
	const now = Date.now();
	const state = phaseFor(e.app, g, contest, e.auth.id, now);
	if (state.phase === 'ready' && state.index === position) {
		try {
			const record = new Record(e.app.findCollectionByNameOrId('contest_answers'));
			record.set('contest', contest.id);
			record.set('user', e.auth.id);
			record.set('position', position);
			record.set('revealed_at', now);
			record.set('answered_at', 0);
			record.set('counted', false);
			e.app.save(record);
		} catch (_) {
			// Shown already (the unique index): the same question, with its own time.
		}
	} else if (!(state.phase === 'open' && state.index === position)) {
		if (state.phase === 'done') return refuse(e, 409, '你已经答完全部题目，结果在竞赛结束后公布。');
		return refuse(e, 409, notOpen(state));
	}
	return e.json(200, stateFor(e.app, g, contest, e.auth.id, now));
}

// An answer is one SQL statement: a record save goes through PocketBase's record pipeline,
// which with hundreds of members connected to realtime looks through every connection for each
// record saved (about 5 ms an answer against 1.4 ms, measured on loopback), and every member
// answers within the same few seconds. The statement itself refuses an answer to a question
// whose answers were counted already (its tally came while the request waited for the
// database), and a second answer (the unique index; in window mode, answered_at set).
const NOT_COUNTED =
	'NOT EXISTS (SELECT 1 FROM contest_boards WHERE contest = {:c} AND closed >= {:p})';
const INSERT_ANSWER_SQL =
	'INSERT INTO contest_answers (id, contest, user, position, answer, correct, score, ms, ' +
	'revealed_at, answered_at, counted, created) ' +
	'SELECT {:id}, {:c}, {:u}, {:p}, {:answer}, {:correct}, {:score}, {:ms}, {:revealed}, {:now}, ' +
	'FALSE, {:created} WHERE ' +
	NOT_COUNTED +
	' ON CONFLICT (contest, user, position) DO NOTHING';
// Window mode: the row was made when the question was shown (its own clock).
const UPDATE_ANSWER_SQL =
	'UPDATE contest_answers SET answer = {:answer}, correct = {:correct}, score = {:score}, ' +
	'ms = {:ms}, answered_at = {:now} ' +
	'WHERE contest = {:c} AND user = {:u} AND position = {:p} AND answered_at = 0 AND ' +
	NOT_COUNTED;
const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Write one answer; false when the statement refused it (counted already, or answered). */
function writeAnswer(app, contest, userId, position, a) {
	const window = contest.getString('mode') === 'window';
	const result = app
		.db()
		.newQuery(window ? UPDATE_ANSWER_SQL : INSERT_ANSWER_SQL)
		.bind({
			id: $security.randomStringWithAlphabet(15, ID_ALPHABET),
			c: contest.id,
			u: userId,
			p: position,
			answer: a.answer,
			correct: a.correct,
			score: a.score,
			ms: a.ms,
			revealed: a.revealedAt,
			now: a.now,
			created: new Date(a.now).toISOString().replace('T', ' ')
		})
		.execute();
	return result.rowsAffected() === 1;
}

/** POST /api/gongxue/contests/{id}/answer {position, answer}: one answer, scored here. */
function answer(e) {
	const g = require(`${__hooks}/lib/gongxue.js`);
	const contest = contestFor(e);
	if (contest === null) return refuse(e, 404, '没有这场竞赛，或它不面向你的支部。');
	if (!inScope(e.app, e.auth, contest)) return refuse(e, 403, '这场竞赛不面向你的支部。');
	const body = e.requestInfo().body || {};
	const position = body.position;
	const given = body.answer;
	const valid =
		typeof position === 'number' &&
		Array.isArray(given) &&
		given.length > 0 &&
		given.length <= 12 &&
		given.every((a) => typeof a === 'string' && a.length <= 200);
	if (!valid) return refuse(e, 400, '答案格式有误。');
	const now = Date.now();
	board.tally(e.app, g, contest, now);
	const state = phaseFor(e.app, g, contest, e.auth.id, now);
	if (state.phase !== 'open' || state.index !== position) return refuse(e, 409, notOpen(state));
	const q = questionsOf(contest)[position];
	const correct = g.isCorrect(q, given.map(String));
	const ms = now - state.opensAt;
	const score = g.answerScore(correct, ms, contest.getInt('seconds') * 1000);
	if (score === null || now > state.closesAt) return refuse(e, 409, notOpen(state));
	const written = writeAnswer(e.app, contest, e.auth.id, position, {
		answer: JSON.stringify(given),
		correct: correct,
		score: score,
		ms: ms,
		revealedAt: state.opensAt,
		now: now
	});
	if (!written) {
		// Counted already (the question's tally came while this request waited for the
		// database: it would be counted a question late, or never), or answered already.
		const counted = board.boardOf(e.app, contest.id);
		if (counted !== null && counted.closed >= position) {
			return refuse(e, 409, '这道题已经截止，不能再作答。');
		}
		return refuse(e, 409, '这道题你已经作答过了。');
	}
	return e.json(200, { position: position, ms: ms });
}

module.exports = {
	create: create,
	play: play,
	next: next,
	answer: answer,
	contestFor: contestFor,
	inScope: inScope,
	leads: leads,
	shown: shown,
	questionsOf: questionsOf
};
