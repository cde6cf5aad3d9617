/// <reference path="../../pb_data/types.d.ts" />
// Ingests events from a device: replay-safe, graded and priced by the server alone. One event
// (a record create) or a whole batch (PocketBase's batch API) goes through the same steps, so a
// batch costs one call into the JS engine and a handful of queries, not a handful per event.
// Runs inside PocketBase's JS engine (CommonJS, ES2015).

/** The batch sub-request that creates an event; anything else in a batch takes PocketBase's path. */
const EVENTS_CREATE = '/api/collections/events/records';
/** What a device may say about an event; the server decides everything else. */
const DEVICE_FIELDS = ['event_id', 'type', 'device', 'client_at', 'payload'];

const { practiceFacts } = require(`${__hooks}/lib/practice.js`);
const { addToTotals, writeServerEvent } = require(`${__hooks}/lib/ledger.js`);

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
		recordId: record.id,
		// A member's shared lesson credits its author when others complete it.
		sharedBy: record.getString('kind') === 'shared' ? record.getString('author') : '',
		minutes: record.getInt('minutes') || 1,
		credits: typeof credits === 'number' ? credits : null,
		questions: JSON.parse(record.getString('questions') || '[]')
	};
	facts.lessonId = lessonId;
	$app.store().set(key, facts);
	return facts;
}

/** `{:p0}, {:p1}, …` for `values`, added to `params`. */
function placeholders(values, prefix, params) {
	return values
		.map((v, i) => {
			params[prefix + i] = v;
			return '{:' + prefix + i + '}';
		})
		.join(', ');
}

/** What an event says about itself, read the way the record stores it. */
function readEvent(g, record) {
	const type = record.getString('type');
	// A JSON field holds raw bytes; its text is the payload as sent.
	let payload = null;
	try {
		payload = JSON.parse(record.getString('payload') || 'null');
	} catch (_) {
		payload = null;
	}
	const problem = g.payloadProblem(type, payload);
	return {
		record: record,
		type: type,
		payload: payload,
		problem: problem,
		subject: problem === null ? g.subjectOf(type, payload) : ''
	};
}

/**
 * The member's history that grading needs, for the events in hand: which subjects already
 * earned points, and how many points each activity earned today. Two queries per request; kept
 * up to date as the request's own events are graded.
 */
function historyOf(app, userId, day, events) {
	const credited = {};
	const today = {};
	const subjects = {};
	events.forEach((ev) => {
		if (ev.problem !== null) return;
		subjects[ev.type] = subjects[ev.type] || [];
		subjects[ev.type].push(ev.subject);
	});
	Object.keys(subjects).forEach((type) => {
		const params = { user: userId, type: type };
		const list = placeholders(subjects[type], 's', params);
		const rows = arrayOf(new DynamicModel({ subject: '' }));
		app
			.db()
			.newQuery(
				'SELECT DISTINCT subject FROM events WHERE user = {:user} AND type = {:type} ' +
					'AND subject IN (' +
					list +
					') AND points > 0'
			)
			.bind(params)
			.all(rows);
		rows.forEach((r) => (credited[type + '\n' + r.subject] = true));
	});
	const sums = arrayOf(new DynamicModel({ type: '', n: 0 }));
	app
		.db()
		.newQuery(
			'SELECT type, COALESCE(SUM(points), 0) AS n FROM events ' +
				'WHERE user = {:user} AND server_day = {:day} GROUP BY type'
		)
		.bind({ user: userId, day: day })
		.all(sums);
	sums.forEach((r) => (today[r.type] = r.n));
	return {
		credited: (type, subject) => credited[type + '\n' + subject] === true,
		today: (type) => today[type] || 0,
		earned: (type, subject, points) => {
			credited[type + '\n' + subject] = true;
			today[type] = (today[type] || 0) + points;
		}
	};
}

/** Grade one event and write the server's fields into its record; returns the points. */
function grade(app, g, auth, day, ev, history) {
	const userId = auth.id;
	let verdict;
	if (ev.problem !== null) {
		verdict = { status: 'rejected', points: 0, reason: ev.problem };
	} else if (ev.type === 'daily.answered' || ev.type === 'challenge.completed') {
		const facts = practiceFacts(app, g, auth, day, ev, {
			lesson: null,
			correct: null,
			alreadyCredited: history.credited(ev.type, ev.subject),
			pointsToday: history.today(ev.type)
		});
		verdict = g.evaluate(ev.type, ev.payload, facts);
		if (verdict.points > 0) history.earned(ev.type, ev.subject, verdict.points);
	} else if (ev.type === 'meeting.checkin') {
		// 支部会议签到: the meeting it names, its secret, its time (lib/meeting.js).
		const { checkinFacts } = require(`${__hooks}/lib/meeting.js`);
		const facts = checkinFacts(app, auth, ev.payload, ev.record.getFloat('client_at'));
		facts.alreadyCredited = history.credited(ev.type, ev.subject);
		facts.pointsToday = history.today(ev.type);
		verdict = g.evaluate(ev.type, ev.payload, facts);
		if (verdict.points > 0) history.earned(ev.type, ev.subject, verdict.points);
	} else {
		const lesson = lessonFacts(app, String(ev.payload.lessonId));
		let correct = null;
		if (lesson !== null && ev.type === 'quiz.answered') {
			const question = lesson.questions.find((q) => q.id === ev.payload.questionId);
			correct =
				question === undefined ? null : g.isCorrect(question, ev.payload.answer.map(String));
		}
		verdict = g.evaluate(ev.type, ev.payload, {
			lesson: lesson === null ? null : { minutes: lesson.minutes, credits: lesson.credits },
			correct: correct,
			alreadyCredited: history.credited(ev.type, ev.subject),
			pointsToday: history.today(ev.type)
		});
		if (verdict.points > 0) history.earned(ev.type, ev.subject, verdict.points);
		// A real completion of someone else's shared lesson: its author is credited once saved.
		const studied = verdict.status === 'accepted' && verdict.reason !== 'too-short';
		if (ev.type === 'lesson.completed' && studied && lesson !== null && lesson.sharedBy !== '') {
			if (lesson.sharedBy !== userId) ev.shared = lesson;
		}
	}
	const record = ev.record;
	record.set('user', userId);
	// The member's branch now: that branch's reports count the event, whatever happens later.
	record.set('branch', auth.getString('branch'));
	record.set('type', ev.type.slice(0, 40));
	record.set('server_day', day);
	record.set('status', verdict.status);
	record.set('points', verdict.points);
	record.set('reason', verdict.reason || '');
	record.set('subject', ev.subject.slice(0, 100));
	record.set(
		'lesson',
		ev.problem === null && ev.payload.lessonId ? String(ev.payload.lessonId).slice(0, 64) : ''
	);
	const clientAt = record.getFloat('client_at');
	record.set('client_at', isFinite(clientAt) ? clientAt : 0);
	return verdict.points;
}

/**
 * Credit the author of a shared lesson for a learner's completion (once per learner, within the
 * author's daily cap), as an event in the author's ledger; then refresh the lesson's learners,
 * accuracy and 精品 standing. Runs after the learner's events are saved, in their transaction.
 */
function creditSharer(app, g, lesson, learnerId, now, day) {
	const author = lesson.sharedBy;
	const subject = lesson.lessonId + ':' + learnerId;
	const scalar = (sql, params) => {
		const row = new DynamicModel({ n: 0 });
		app.db().newQuery(sql).bind(params).one(row);
		return row.n;
	};
	const params = { user: author, type: g.SHARER_EVENT, subject: subject, day: day };
	const credited =
		scalar(
			'SELECT COUNT(*) AS n FROM events WHERE user = {:user} AND type = {:type} AND subject = {:subject}',
			params
		) > 0;
	if (!credited) {
		const verdict = g.sharerVerdict({
			alreadyCredited: false,
			pointsToday: scalar(
				'SELECT COALESCE(SUM(points), 0) AS n FROM events WHERE user = {:user} AND type = {:type} AND server_day = {:day}',
				params
			)
		});
		writeServerEvent(app, g, {
			user: author,
			type: g.SHARER_EVENT,
			subject: subject,
			payload: { lessonId: lesson.lessonId, learner: learnerId },
			status: verdict.status,
			points: verdict.points,
			reason: verdict.reason,
			lesson: lesson.lessonId,
			now: now,
			day: day
		});
	}
	const stats = { lesson: lesson.lessonId, author: author };
	const learners = scalar(
		"SELECT COUNT(DISTINCT user) AS n FROM events WHERE lesson = {:lesson} AND type = 'lesson.completed' " +
			"AND status = 'accepted' AND reason != 'too-short' AND user != {:author}",
		stats
	);
	// Each learner's first answer to each question: practice afterwards does not move the figure.
	const first = new DynamicModel({ answers: 0, right: 0 });
	app
		.db()
		.newQuery(
			"SELECT COUNT(*) AS answers, COALESCE(SUM(reason != 'wrong-answer'), 0) AS right FROM events e " +
				"WHERE lesson = {:lesson} AND type = 'quiz.answered' AND status = 'accepted' AND user != {:author} " +
				"AND NOT EXISTS (SELECT 1 FROM events f WHERE f.user = e.user AND f.type = 'quiz.answered' " +
				"AND f.subject = e.subject AND f.status = 'accepted' AND f.rowid < e.rowid)"
		)
		.bind(stats)
		.one(first);
	const answers = first.answers;
	const right = first.right;
	const accuracy = answers > 0 ? right / answers : null;
	const record = app.findRecordById('lessons', lesson.recordId);
	record.set('learners', learners);
	record.set('accuracy', accuracy === null ? 0 : Math.round(accuracy * 1000) / 1000);
	record.set('featured', g.isFeatured({ learners: learners, accuracy: accuracy }));
	app.save(record);
}

/** Credit the authors of the shared lessons among these graded events. */
function creditSharers(app, g, events, learnerId, now, day) {
	events.forEach((ev) => {
		if (ev.shared) creditSharer(app, g, ev.shared, learnerId, now, day);
	});
}

/** Stored events with these ids, by id. */
function storedEvents(app, ids) {
	const byId = {};
	if (ids.length === 0) return byId;
	const params = {};
	const list = placeholders(ids, 'e', params);
	app
		.findAllRecords('events', $dbx.exp('event_id IN (' + list + ')', params))
		.forEach((r) => (byId[r.getString('event_id')] = r));
	return byId;
}

/**
 * The events collection's create request: a replayed event id returns the stored result and
 * changes nothing; a new event gets its user, server day, verdict and points from the server,
 * whatever the body said, and is stored even when rejected, with its reason.
 */
function ingest(e) {
	const g = require(`${__hooks}/lib/gongxue.js`);
	const auth = e.auth;
	const stored = storedEvents(e.app, [e.record.getString('event_id')]);
	const replay = stored[e.record.getString('event_id')];
	if (replay !== undefined) {
		if (replay.getString('user') !== auth.id) throw new BadRequestError('事件编号冲突。');
		// Events hold no emails or relations to expand: the stored record is the answer as it is.
		return e.json(200, replay);
	}
	const now = Date.now();
	const day = g.serverDay(now);
	const ev = readEvent(g, e.record);
	const points = grade(e.app, g, auth, day, ev, historyOf(e.app, auth.id, day, [ev]));
	e.next();
	addToTotals(e.app, g, auth, points, now);
	creditSharers(e.app, g, [ev], auth.id, now, day);
}

/** Thrown to hand a batch back to PocketBase's own path, which answers it the usual way. */
function Decline() {}

/** Store and grade a whole batch of event creates in one transaction; the stored records. */
function ingestAll(app, auth, bodies) {
	const g = require(`${__hooks}/lib/gongxue.js`);
	const collection = app.findCollectionByNameOrId('events');
	const ids = bodies.map((b) => String(b.event_id || ''));
	const stored = storedEvents(app, ids);
	const now = Date.now();
	const day = g.serverDay(now);
	const fresh = [];
	const answers = bodies.map((body, i) => {
		const replay = stored[ids[i]];
		if (replay !== undefined) {
			// Another member's id: PocketBase's path refuses it with the usual message.
			if (replay.getString('user') !== auth.id) throw new Decline();
			return replay;
		}
		const record = new Record(collection);
		DEVICE_FIELDS.forEach((f) => {
			if (body[f] !== undefined && body[f] !== null) record.set(f, body[f]);
		});
		const ev = readEvent(g, record);
		// The same id twice in one batch: the second is a replay of the first.
		stored[ids[i]] = record;
		fresh.push(ev);
		return record;
	});
	const history = historyOf(app, auth.id, day, fresh);
	let points = 0;
	fresh.forEach((ev) => {
		points += grade(app, g, auth, day, ev, history);
		app.save(ev.record);
	});
	addToTotals(app, g, auth, points, now);
	creditSharers(app, g, fresh, auth.id, now, day);
	return answers;
}

/**
 * A batch request made only of event creates by a member is ingested here in one go, answered
 * in the batch API's own shape. Any other batch, or one this path cannot take as a whole (a
 * malformed event, an id that is not the member's, a write conflict), goes to PocketBase's own
 * path, where the record hook above grades each event and errors read as they always do.
 */
function ingestBatch(e) {
	const auth = e.auth;
	if (e.hasSuperuserAuth() || !auth || auth.collection().name !== 'users') return e.next();
	const requests = e.batch;
	const ours = requests.every(
		(r) => r && String(r.method).toUpperCase() === 'POST' && r.url === EVENTS_CREATE
	);
	if (requests.length === 0 || !ours) return e.next();
	let answers = null;
	try {
		e.app.runInTransaction((txApp) => {
			answers = ingestAll(
				txApp,
				auth,
				requests.map((r) => r.body || {})
			);
		});
	} catch (_) {
		return e.next();
	}
	return e.json(
		200,
		answers.map((record) => ({ status: 200, body: record }))
	);
}

module.exports = { ingest: ingest, ingestBatch: ingestBatch };
