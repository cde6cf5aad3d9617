/// <reference path="../../pb_data/types.d.ts" />
// A live contest's clock on the server: each question is sent to the members' devices the moment
// it opens, and its answers are counted and the board (with the key and how the members did) sent
// the moment it closes, over the contest's realtime topic. PocketBase hooks have no timers, so
// the clock is a request: each device asks `clock` for the coming question; the first request
// claims it and sleeps until the opening, then until the close, and goes on with the next
// questions that no other request has claimed; the others are answered at once.
// Should that request be lost (a restart), nothing is: the next device to ask the play route
// after the close counts the answers, and a cron job each minute does it if nobody asks.
// Runs inside PocketBase's JS engine (CommonJS, ES2015).

const { byId, refuse } = require(`${__hooks}/lib/records.js`);
const board = require(`${__hooks}/lib/contest-board.js`);
const contest_ = require(`${__hooks}/lib/contest.js`);

/** The longest a clock request waits for its question to open; devices ask again later. */
const LEAD_MS = 60000;
const TOPIC_PREFIX = board.topicOf('');

const clockKey = (id, position) => 'contest-clock:' + id + ':' + position;

/** Claim question `position`'s clock for this request; false if another request has it. */
function claim(id, position) {
	const token = $security.randomString(16);
	return $app.store().getOrSet(clockKey(id, position), () => token) === token;
}

/**
 * POST /api/gongxue/contests/{id}/clock {position}: keep question `position`'s time, and then
 * each later question's that no other request keeps, to the contest's end: the request that
 * claims a question sleeps until it opens and sends it, sleeps until it closes and counts it.
 * Its device may go away meanwhile; the server goes on.
 */
function clock(e) {
	const position = (e.requestInfo().body || {}).position;
	if (typeof position !== 'number' || position < 0 || position % 1 !== 0) {
		return refuse(e, 400, '请求格式有误。');
	}
	const id = e.request.pathValue('id');
	// Cheap for every device but the first: nothing is read.
	if (!claim(id, position)) return e.json(202, { kept: true });
	const release = (p) => $app.store().remove(clockKey(id, p));
	const contest = contest_.contestFor(e);
	if (contest === null) {
		release(position);
		return refuse(e, 404, '没有这场竞赛，或它不面向你的支部。');
	}
	const g = require(`${__hooks}/lib/gongxue.js`);
	const t = board.timingOf(contest);
	if (contest.getString('mode') === 'window' || position >= t.count) {
		release(position);
		return refuse(e, 400, '这场竞赛没有这道题的时钟。');
	}
	if (g.liveQuestion(t, position).opensAt - Date.now() > LEAD_MS) {
		release(position);
		return e.json(202, { early: true });
	}
	const questions = contest_.questionsOf(contest);
	let p = position;
	try {
		for (;;) {
			const { opensAt, closesAt } = g.liveQuestion(t, p);
			if (Date.now() < opensAt) sleep(opensAt - Date.now());
			// Sent late rather than never (this request came after the opening).
			if (Date.now() < closesAt) {
				board.broadcast(e.app, contest.id, {
					kind: 'open',
					now: Date.now(),
					position: p,
					opensAt: opensAt,
					closesAt: closesAt,
					question: contest_.shown(questions[p], p)
				});
				sleep(closesAt - Date.now());
			}
			board.tally(e.app, g, contest, Date.now());
			if (p + 1 >= t.count || !claim(id, p + 1)) break;
			p++;
		}
	} catch (err) {
		// A device's next request may keep the time instead.
		release(p);
		throw err;
	}
	return e.json(200, { position: p, closed: true });
}

/** Drop the contest topics `e.auth` may not follow: only members in the contest's scope and its
 * leaders hear its questions and its board. */
function checkTopics(e) {
	const kept = [];
	const subscriptions = e.subscriptions || [];
	for (let i = 0; i < subscriptions.length; i++) {
		const topic = subscriptions[i];
		if (topic.indexOf(TOPIC_PREFIX) !== 0) {
			kept.push(topic);
			continue;
		}
		const id = topic.slice(TOPIC_PREFIX.length).split('?')[0];
		if (e.auth === null || e.auth === undefined || e.auth.collection().name !== 'users') continue;
		const contest = byId(e.app, 'contests', id);
		if (contest === null) continue;
		if (contest_.inScope(e.app, e.auth, contest) || contest_.leads(e.app, e.auth, contest)) {
			kept.push(topic);
		}
	}
	e.subscriptions = kept;
}

module.exports = { clock: clock, checkTopics: checkTopics };
