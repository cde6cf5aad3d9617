/// <reference path="../../pb_data/types.d.ts" />
// Practice (每日答题, 挑战答题) on the server: the pool a member's daily set is drawn from (the
// built-in banks and the 练习题库 open to them that day) and the facts of a practice event, by the
// server's own keys, for ingest.js to price. Runs inside PocketBase's JS engine (CommonJS, ES2015).

const { organisationOf } = require(`${__hooks}/lib/records.js`);

/** The built-in banks' questions by id, and their ids. Cached until a bank changes
 * (events.pb.js). */
function builtinPool(app) {
	const cached = $app.store().get('practice-pool');
	if (cached) return cached;
	const pool = { byId: {}, ids: [] };
	app.findRecordsByFilter('banks', "source = 'builtin'", 'bank_id', 0, 0).forEach((r) => {
		JSON.parse(r.getString('questions') || '[]').forEach((q) => {
			if (pool.byId[q.id]) return;
			pool.byId[q.id] = q;
			pool.ids.push(q.id);
		});
	});
	$app.store().set('practice-pool', pool);
	return pool;
}

/**
 * A member's practice pool on a server day: the built-in banks, and the practice banks of their
 * branch and organisation open on that day (a bank opens the day after it was published). A
 * daily answer names the banks its set was drawn from (`only`): the pool is the built-in banks
 * and those of them open to the member that day, so the server draws exactly the device's set.
 */
function practicePool(app, auth, day, only) {
	const builtin = builtinPool(app);
	if (only !== undefined && only.length === 0) return builtin;
	const branch = auth.getString('branch');
	const params = { day: day, branch: branch, org: organisationOf(app, branch) };
	let named = '';
	if (only !== undefined) {
		const ids = only.map((id, i) => {
			params['b' + i] = id;
			return 'id = {:b' + i + '}';
		});
		named = ' && (' + ids.join(' || ') + ')';
	}
	const banks = app.findRecordsByFilter(
		'banks',
		"practice_from != '' && practice_from <= {:day} && " +
			"((practice_scope = 'branch' && branch = {:branch}) || " +
			"(practice_scope = 'organisation' && organisation = {:org}))" +
			named,
		'practice_from,id',
		0,
		0,
		params
	);
	if (banks.length === 0) return builtin;
	const pool = { byId: Object.assign({}, builtin.byId), ids: builtin.ids.slice() };
	banks.forEach((r) => {
		JSON.parse(r.getString('questions') || '[]').forEach((q) => {
			if (pool.byId[q.id]) return;
			pool.byId[q.id] = q;
			pool.ids.push(q.id);
		});
	});
	return pool;
}

/**
 * The facts of a practice event, by the server's own keys: a daily answer must be to a question
 * of the member's set for its day (drawn as every device draws it, from that day's pool), a day
 * not after today's; a challenge run counts its right answers before the first mistake.
 */
function practiceFacts(app, g, auth, day, ev, facts) {
	const p = ev.payload;
	if (ev.type === 'daily.answered') {
		const pool = practicePool(app, auth, p.day <= day ? p.day : day, p.banks || []);
		const q = pool.byId[p.questionId];
		facts.correct = q === undefined ? null : g.isCorrect(q, p.answer.map(String));
		const content = require(`${__hooks}/lib/content.js`);
		facts.inDailySet =
			p.day <= day && content.dailySet(auth.id, p.day, pool.ids).indexOf(p.questionId) >= 0;
		return facts;
	}
	const pool = practicePool(app, auth, day);
	let run = 0;
	for (let i = 0; i < p.answers.length; i++) {
		const q = pool.byId[p.answers[i].questionId];
		if (q === undefined) {
			facts.runLength = null;
			return facts;
		}
		if (!g.isCorrect(q, p.answers[i].answer.map(String))) break;
		run++;
	}
	facts.runLength = run;
	return facts;
}

module.exports = { practiceFacts: practiceFacts };
