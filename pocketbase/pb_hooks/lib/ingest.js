/// <reference path="../../pb_data/types.d.ts" />
// Ingests one event from a device: replay-safe, graded and priced by the server alone.
// Runs inside PocketBase's JS engine (CommonJS, ES2015).

/** First record matching `filter`, or null. */
function findFirst(app, collection, filter, params) {
	try {
		return app.findFirstRecordByFilter(collection, filter, params);
	} catch (_) {
		return null;
	}
}

/** The lesson as the server knows it, cached in the app store until the lesson changes. */
function lessonFacts(app, lessonId) {
	const key = 'lesson:' + lessonId;
	const cached = $app.store().get(key);
	if (cached) return cached;
	const record = findFirst(app, 'lessons', 'lesson_id = {:id}', { id: lessonId });
	if (record === null) return null;
	const credits = JSON.parse(record.getString('credits') || 'null');
	const facts = {
		minutes: record.getInt('minutes') || 1,
		credits: typeof credits === 'number' ? credits : null,
		questions: JSON.parse(record.getString('questions') || '[]')
	};
	$app.store().set(key, facts);
	return facts;
}

/** The organisation of a branch, cached: branches do not change organisation. */
function organisationOf(app, branchId) {
	if (!branchId) return '';
	const key = 'branch-org:' + branchId;
	const cached = $app.store().get(key);
	if (cached) return cached;
	const branch = findFirst(app, 'branches', 'id = {:id}', { id: branchId });
	const org = branch === null ? '' : branch.getString('organisation');
	$app.store().set(key, org);
	return org;
}

function scalar(app, sql, params) {
	const row = new DynamicModel({ n: 0 });
	app.db().newQuery(sql).bind(params).one(row);
	return row.n;
}

/** Add points to the member's all-time, week and month totals in one statement each. */
function addToTotals(app, g, auth, points, now) {
	const periods = g.periodsOf(now);
	const branch = auth.getString('branch');
	const org = organisationOf(app, branch);
	for (const period of [periods.all, periods.week, periods.month]) {
		app
			.db()
			.newQuery(
				'INSERT INTO point_totals (id, user, branch, organisation, period, points) ' +
					'VALUES ({:id}, {:user}, {:branch}, {:org}, {:period}, {:points}) ' +
					'ON CONFLICT (user, period) DO UPDATE SET points = points + excluded.points'
			)
			.bind({
				id: $security.randomStringWithAlphabet(15, 'abcdefghijklmnopqrstuvwxyz0123456789'),
				user: auth.id,
				branch: branch,
				org: org,
				period: period,
				points: points
			})
			.execute();
	}
}

/**
 * The events collection's create request: a replayed event id returns the stored result and
 * changes nothing; a new event gets its user, server day, verdict and points from the server,
 * whatever the body said, and is stored even when rejected, with its reason.
 */
function ingest(e) {
	const g = require(`${__hooks}/lib/gongxue.js`);
	const auth = e.auth;
	const eventId = e.record.getString('event_id');
	const stored = findFirst(e.app, 'events', 'event_id = {:id}', { id: eventId });
	if (stored !== null) {
		if (stored.getString('user') !== auth.id) throw new BadRequestError('事件编号冲突。');
		// Events hold no emails or relations to expand: the stored record is the answer as it is.
		return e.json(200, stored);
	}

	const type = e.record.getString('type');
	// A JSON field reaches the hook as raw bytes; its text is the payload as sent.
	let payload = null;
	try {
		payload = JSON.parse(e.record.getString('payload') || 'null');
	} catch (_) {
		payload = null;
	}
	const now = Date.now();
	const day = g.serverDay(now);
	const problem = g.payloadProblem(type, payload);
	const subject = problem === null ? g.subjectOf(type, payload) : '';

	let verdict;
	if (problem !== null) {
		verdict = { status: 'rejected', points: 0, reason: problem };
	} else {
		const lesson = lessonFacts(e.app, String(payload.lessonId));
		let correct = null;
		if (lesson !== null && type === 'quiz.answered') {
			const question = lesson.questions.find((q) => q.id === payload.questionId);
			correct = question === undefined ? null : g.isCorrect(question, payload.answer.map(String));
		}
		const params = { user: auth.id, type: type, subject: subject, day: day };
		const facts = {
			lesson: lesson === null ? null : { minutes: lesson.minutes, credits: lesson.credits },
			correct: correct,
			alreadyCredited:
				scalar(
					e.app,
					'SELECT COUNT(*) AS n FROM events WHERE user = {:user} AND type = {:type} AND subject = {:subject} AND points > 0',
					params
				) > 0,
			pointsToday: scalar(
				e.app,
				'SELECT COALESCE(SUM(points), 0) AS n FROM events WHERE user = {:user} AND type = {:type} AND server_day = {:day}',
				params
			)
		};
		verdict = g.evaluate(type, payload, facts);
	}

	e.record.set('user', auth.id);
	e.record.set('type', type.slice(0, 40));
	e.record.set('server_day', day);
	e.record.set('status', verdict.status);
	e.record.set('points', verdict.points);
	e.record.set('reason', verdict.reason || '');
	e.record.set('subject', subject.slice(0, 64));
	const clientAt = e.record.getFloat('client_at');
	e.record.set('client_at', isFinite(clientAt) ? clientAt : 0);
	e.next();
	if (verdict.points > 0) addToTotals(e.app, g, auth, verdict.points, now);
}

module.exports = { ingest: ingest };
