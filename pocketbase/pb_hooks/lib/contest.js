/// <reference path="../../pb_data/types.d.ts" />
// Contests (知识竞赛) on the server: set up from a leader's own banks, played through routes that
// reveal questions by the server's clock and score each answer with the shared contest code
// (src/lib/quiz/contest.ts, bundled in lib/gongxue.js). A question's key is sent only once the
// question has closed. Runs inside PocketBase's JS engine (CommonJS, ES2015).

const { refuse, byId, organisationOf } = require(`${__hooks}/lib/records.js`);

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
	// Window mode (every member plays the same set once, any time in the window) is not played
	// by the routes yet: refused rather than run as a live contest.
	if (record.getString('mode') !== 'live')
		return refuse(e, 400, '目前只能创建直播赛，限时赛即将推出。');
	if (startsAt < Date.now() - 60000) return refuse(e, 400, '开始时间不能早于现在。');
	const places = record.get('place_points');
	const list = places === null || places === undefined ? [] : JSON.parse(JSON.stringify(places));
	const ok =
		Array.isArray(list) &&
		list.length <= 3 &&
		list.every((n) => typeof n === 'number' && n >= 0 && n <= 20 && Math.floor(n) === n);
	if (!ok) return refuse(e, 400, '名次积分最多三项，每项为 0–20 的整数。');
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

function questionsOf(contest) {
	return JSON.parse(contest.getString('questions') || '[]');
}

function timingOf(contest) {
	return {
		startsAt: contest.getDateTime('starts_at').unix() * 1000,
		count: contest.getInt('count'),
		seconds: contest.getInt('seconds')
	};
}

/** A question as a player sees it while it is open: no key, no explanation. */
function shown(q, position) {
	const out = { position: position, id: q.id, type: q.type, stem: q.stem };
	if (q.type === 'single' || q.type === 'multiple') {
		out.options = q.options.map((o) => ({ key: o.key, text: o.text }));
	}
	if (q.type === 'fill') out.blanks = q.blanks.map(() => []);
	return out;
}

/** The member's answer to one question, or null. */
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

/** How the members answered a closed question: how many, how many right. */
function accuracyOf(app, contestId, position) {
	const row = new DynamicModel({ answers: 0, right: 0 });
	app
		.db()
		.newQuery(
			'SELECT COUNT(*) AS answers, COALESCE(SUM(correct), 0) AS "right" FROM contest_answers ' +
				'WHERE contest = {:c} AND position = {:p}'
		)
		.bind({ c: contestId, p: position })
		.one(row);
	return { answers: row.answers, right: row.right };
}

/** GET /api/gongxue/contests/{id}/play: where a live contest stands for this member, now. */
function play(e) {
	const g = require(`${__hooks}/lib/gongxue.js`);
	const contest = contestFor(e);
	if (contest === null) return refuse(e, 404, '没有这场竞赛，或它不面向你的支部。');
	const now = Date.now();
	tally(e.app, g, contest, now);
	const questions = questionsOf(contest);
	const state = g.livePhase(timingOf(contest), now);
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
		question: null,
		mine: null,
		reveal: null
	};
	if (state.phase === 'open' || state.phase === 'reveal') {
		out.position = state.index;
		const q = questions[state.index];
		out.question = shown(q, state.index);
		const mine = answerOf(e.app, contest.id, e.auth.id, state.index);
		if (mine !== null) {
			out.mine = { answer: JSON.parse(mine.getString('answer') || '[]'), ms: mine.getInt('ms') };
		}
		if (state.phase === 'reveal') {
			// Closed: now the key, the explanation and how the members did may be shown.
			out.reveal = { question: q, accuracy: accuracyOf(e.app, contest.id, state.index) };
			if (mine !== null) {
				out.mine.correct = mine.getBool('correct');
				out.mine.score = mine.getInt('score');
			}
		}
	}
	return e.json(200, out);
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
	tally(e.app, g, contest, now);
	const state = g.livePhase(timingOf(contest), now);
	if (state.phase !== 'open' || state.index !== position) {
		return refuse(
			e,
			409,
			state.phase === 'lobby' ? '竞赛还没有开始。' : '这道题已经截止，不能再作答。'
		);
	}
	const q = questionsOf(contest)[position];
	const correct = g.isCorrect(q, given.map(String));
	const ms = now - state.opensAt;
	const score = g.answerScore(correct, ms, contest.getInt('seconds') * 1000);
	if (score === null) return refuse(e, 409, '这道题已经截止，不能再作答。');
	let duplicate = false;
	e.app.runInTransaction((tx) => {
		if (answerOf(tx, contest.id, e.auth.id, position) !== null) {
			duplicate = true;
			return;
		}
		const record = new Record(tx.findCollectionByNameOrId('contest_answers'));
		record.set('contest', contest.id);
		record.set('user', e.auth.id);
		record.set('position', position);
		record.set('answer', given);
		record.set('correct', correct);
		record.set('score', score);
		record.set('ms', ms);
		record.set('answered_at', now);
		record.set('counted', false);
		tx.save(record);
	});
	if (duplicate) return refuse(e, 409, '这道题你已经作答过了。');
	return e.json(200, { position: position, ms: ms });
}

/** Add an answer's score to its member's row of the contest's leaderboard. */
function addScore(app, contest, answer) {
	const userId = answer.getString('user');
	let row = null;
	try {
		row = app.findFirstRecordByFilter('contest_scores', 'contest = {:c} && user = {:u}', {
			c: contest.id,
			u: userId
		});
	} catch (_) {
		const user = app.findRecordById('users', userId);
		row = new Record(app.findCollectionByNameOrId('contest_scores'));
		row.set('contest', contest.id);
		row.set('user', userId);
		row.set('branch', user.getString('branch'));
		row.set('name', user.getBool('hide_name') ? '' : user.getString('name'));
		row.set('total', 0);
		row.set('ms', 0);
		row.set('answered', 0);
	}
	row.set('total', row.getInt('total') + answer.getInt('score'));
	row.set('ms', row.getInt('ms') + answer.getInt('ms'));
	row.set('answered', row.getInt('answered') + 1);
	app.save(row);
}

/** The last position whose question has closed at `now` (-1 before the first closes). */
function lastClosed(g, contest, now) {
	const state = g.livePhase(timingOf(contest), now);
	if (state.phase === 'lobby') return -1;
	if (state.phase === 'finished') return contest.getInt('count') - 1;
	return state.phase === 'reveal' ? state.index : state.index - 1;
}

/**
 * Add the answers to closed questions to the leaderboard, once each. Run by every contest
 * request: the first after a question closes brings the board up to date (realtime tells the
 * rest).
 */
function tally(app, g, contest, now) {
	const closed = lastClosed(g, contest, now);
	if (closed < 0) return;
	app.runInTransaction((tx) => {
		const due = tx.findRecordsByFilter(
			'contest_answers',
			'contest = {:c} && counted = false && position <= {:p}',
			'position',
			0,
			0,
			{ c: contest.id, p: closed }
		);
		due.forEach((a) => {
			addScore(tx, contest, a);
			a.set('counted', true);
			tx.save(a);
		});
	});
}

module.exports = { create: create, play: play, answer: answer };
