/// <reference path="../../pb_data/types.d.ts" />
// A contest's standings on the server: answers are added to the members' totals only once their
// question has closed (live: by the server's clock; window: when the window closes), so that no
// one learns from a score whether an answer, and so the key, was right while others can still
// answer. Each tally rewrites the contest's one board record (realtime carries it to every
// member); the last one also writes the participants' points to their ledgers.
// Runs inside PocketBase's JS engine (CommonJS, ES2015).

const { writeServerEvent } = require(`${__hooks}/lib/ledger.js`);

/** Members shown on the live board; everyone's own place comes with the play route. */
const BOARD_TOP = 20;

function timingOf(contest) {
	return {
		startsAt: contest.getDateTime('starts_at').unix() * 1000,
		endsAt: contest.getDateTime('ends_at').unix() * 1000,
		count: contest.getInt('count'),
		seconds: contest.getInt('seconds')
	};
}

/** The last position whose answers may be counted at `now` (-1 before the first closes). */
function lastClosed(g, contest, now) {
	const t = timingOf(contest);
	if (contest.getString('mode') === 'window') return now >= t.endsAt ? t.count - 1 : -1;
	const state = g.livePhase(t, now);
	if (state.phase === 'lobby') return -1;
	if (state.phase === 'finished') return t.count - 1;
	return state.phase === 'reveal' ? state.index : state.index - 1;
}

// Counting a question's answers into the standings: two statements, whatever the number of
// answers. Record by record it took a save per answer and per member (1,000 for 500 members), and
// with the members connected to realtime PocketBase looks through every connection for each
// record saved (3–4 ms more a save with 500 connections, measured on loopback): seconds at
// each close. The board, written next, goes to the members over the contest's realtime topic.
// A member's row is made with their name as the board shows it ('' if they hide it) and branch.
const ADD_SCORES_SQL =
	'INSERT INTO contest_scores (id, contest, user, branch, name, total, ms, answered, updated) ' +
	"SELECT lower(substr(hex(randomblob(8)), 1, 15)), a.contest, a.user, u.branch, CASE WHEN u.hide_name THEN '' ELSE u.name END, " +
	// A question shown in a window contest but left unanswered took part without an answer.
	"SUM(a.score), SUM(a.ms), SUM(a.answered_at > 0), strftime('%Y-%m-%d %H:%M:%fZ', 'now') " +
	'FROM contest_answers a JOIN users u ON u.id = a.user ' +
	'WHERE a.contest = {:c} AND a.counted = FALSE AND a.position <= {:p} GROUP BY a.user ' +
	'ON CONFLICT (contest, user) DO UPDATE SET total = total + excluded.total, ms = ms + excluded.ms, ' +
	'answered = answered + excluded.answered, updated = excluded.updated';
const MARK_COUNTED_SQL =
	'UPDATE contest_answers SET counted = TRUE ' +
	'WHERE contest = {:c} AND counted = FALSE AND position <= {:p}';

/** Add the uncounted answers to questions up to `closed` to their members' rows, once each. */
function addScores(tx, contestId, closed) {
	const which = { c: contestId, p: closed };
	tx.db().newQuery(ADD_SCORES_SQL).bind(which).execute();
	tx.db().newQuery(MARK_COUNTED_SQL).bind(which).execute();
}

/** Everyone's standing in the contest, ranked (ties share a place). */
function standings(app, g, contestId) {
	const rows = app.findRecordsByFilter('contest_scores', 'contest = {:c}', '-total,ms', 0, 0, {
		c: contestId
	});
	return g.rank(
		rows.map((r) => ({
			user: r.getString('user'),
			name: r.getString('name'),
			branch: r.getString('branch'),
			total: r.getInt('total'),
			ms: r.getInt('ms'),
			answered: r.getInt('answered')
		}))
	);
}

/** Branches ranked by their participants' average (small branches compete fairly). */
function branchStandings(app, g, ranked) {
	const sums = {};
	const order = [];
	ranked.forEach((r) => {
		if (!sums[r.branch]) {
			sums[r.branch] = { total: 0, members: 0 };
			order.push(r.branch);
		}
		sums[r.branch].total += r.total;
		sums[r.branch].members += 1;
	});
	return g
		.rank(
			order.map((b) => ({
				user: b,
				total: Math.round(sums[b].total / sums[b].members),
				ms: 0,
				members: sums[b].members
			}))
		)
		.map((r) => {
			let name = '';
			try {
				name = app.findRecordById('branches', r.user).getString('name');
			} catch (_) {
				name = '';
			}
			return { branch: r.user, name: name, members: r.members, average: r.total, place: r.place };
		});
}

/** Rewrite the contest's board record from its standings; returns the board as devices see it. */
function writeBoard(app, g, contest, ranked, closed, final) {
	let board = null;
	try {
		board = app.findFirstRecordByFilter('contest_boards', 'contest = {:c}', { c: contest.id });
	} catch (_) {
		board = new Record(app.findCollectionByNameOrId('contest_boards'));
		board.set('contest', contest.id);
	}
	const out = {
		members: ranked.slice(0, BOARD_TOP),
		branches: branchStandings(app, g, ranked),
		participants: ranked.length,
		closed: closed,
		final: final
	};
	board.set('members', out.members);
	board.set('branches', out.branches);
	board.set('participants', out.participants);
	board.set('closed', closed);
	board.set('final', final);
	app.save(board);
	out.id = board.id;
	return out;
}

/** The contest's drawn questions, keys included (a hidden field: the server's alone). */
function questionsOf(contest) {
	return JSON.parse(contest.getString('questions') || '[]');
}

/** How the members answered a closed question: how many, how many right. */
function accuracyOf(app, contestId, position) {
	const row = new DynamicModel({ answers: 0, right: 0 });
	app
		.db()
		.newQuery(
			'SELECT COUNT(*) AS answers, COALESCE(SUM(correct), 0) AS "right" FROM contest_answers ' +
				'WHERE contest = {:c} AND position = {:p} AND answered_at > 0'
		)
		.bind({ c: contestId, p: position })
		.one(row);
	return { answers: row.answers, right: row.right };
}

/** The contest's live topic: members in its scope and its leaders may subscribe (see
 * lib/contest-live.js); the server sends each question as it opens and the board as it closes. */
function topicOf(contestId) {
	return 'gongxue/contest/' + contestId;
}

/**
 * Send `data` to every device subscribed to the contest's topic: one message, built once,
 * whatever the number of members (a record's realtime event checks its rules for each
 * subscriber; who may subscribe was checked when they did).
 */
function broadcast(app, contestId, data) {
	const name = topicOf(contestId);
	const message = new SubscriptionMessage({ name: name, data: JSON.stringify(data) });
	const clients = app.subscriptionsBroker().clients();
	for (const id in clients) {
		const client = clients[id];
		if (client.hasSubscription(name)) client.send(message);
	}
}

/** Write the participants' points to their ledgers, once: for taking part and for placing. */
function settle(app, g, contest, ranked, now) {
	if (contest.getBool('settled')) return;
	const places = JSON.parse(contest.getString('place_points') || '[]');
	const setup = { participation: contest.getInt('participation_points'), places: places };
	const day = g.serverDay(now);
	const name = contest.getString('name');
	ranked.forEach((r) => {
		const points = g.contestPoints(setup, r);
		const write = (type, payload, n) =>
			writeServerEvent(app, g, {
				user: r.user,
				subject: contest.id,
				type: type,
				payload: payload,
				points: n,
				now: now,
				day: day
			});
		if (points.joined > 0) {
			write(g.CONTEST_JOINED, { contestId: contest.id, name: name }, points.joined);
		}
		if (points.placed > 0) {
			write(g.CONTEST_PLACED, { contestId: contest.id, name: name, place: r.place }, points.placed);
		}
	});
	contest.set('settled', true);
	app.save(contest);
}

/**
 * Count the answers to closed questions, once each, rewrite the board, and once every question
 * is counted settle the points. Run by every contest request and by a cron job each minute:
 * whichever comes first after a question closes brings the board up to date (realtime tells the
 * rest). Cheap when there is nothing new: the last position counted is kept in the app store.
 */
function tally(app, g, contest, now) {
	const closed = lastClosed(g, contest, now);
	if (closed < 0) return;
	const key = 'contest-closed:' + contest.id;
	const final = closed === contest.getInt('count') - 1;
	if ($app.store().get(key) === closed && (!final || contest.getBool('settled'))) return;
	let written = null;
	app.runInTransaction((tx) => {
		const fresh = tx.findRecordById('contests', contest.id);
		let board = null;
		try {
			board = tx.findFirstRecordByFilter('contest_boards', 'contest = {:c}', { c: contest.id });
		} catch (_) {
			board = null;
		}
		if (board !== null && board.getInt('closed') >= closed) return;
		addScores(tx, contest.id, closed);
		written = writeBoard(tx, g, fresh, standings(tx, g, contest.id), closed, final);
	});
	if (written !== null) {
		// Live: the question just closed, with its key and how the members did, comes with the
		// board, so that no device needs to ask at the close.
		const live = contest.getString('mode') !== 'window';
		broadcast(app, contest.id, {
			kind: 'board',
			now: Date.now(),
			board: written,
			reveal: live
				? {
						position: closed,
						question: questionsOf(contest)[closed],
						accuracy: accuracyOf(app, contest.id, closed)
					}
				: null
		});
	}
	// The last board goes out first, then the participants' ledgers (a record or more each, in a
	// transaction of their own); settle() does nothing if another request settled already.
	if (final) {
		app.runInTransaction((tx) => {
			const fresh = tx.findRecordById('contests', contest.id);
			settle(tx, g, fresh, standings(tx, g, contest.id), now);
		});
	}
	$app.store().set(key, closed);
}

/** The member's own standing (for the play route), or null before their first counted answer. */
function standingOf(app, contestId, userId) {
	let row = null;
	try {
		row = app.findFirstRecordByFilter('contest_scores', 'contest = {:c} && user = {:u}', {
			c: contestId,
			u: userId
		});
	} catch (_) {
		return null;
	}
	const ahead = new DynamicModel({ n: 0 });
	app
		.db()
		.newQuery(
			'SELECT COUNT(*) AS n FROM contest_scores WHERE contest = {:c} AND ' +
				'(total > {:t} OR (total = {:t} AND ms < {:ms}))'
		)
		.bind({ c: contestId, t: row.getInt('total'), ms: row.getInt('ms') })
		.one(ahead);
	return {
		total: row.getInt('total'),
		answered: row.getInt('answered'),
		place: ahead.n + 1
	};
}

/** The board record as devices see it, or null before the first tally. */
function boardOf(app, contestId) {
	try {
		const b = app.findFirstRecordByFilter('contest_boards', 'contest = {:c}', { c: contestId });
		return {
			id: b.id,
			members: JSON.parse(b.getString('members') || '[]'),
			branches: JSON.parse(b.getString('branches') || '[]'),
			participants: b.getInt('participants'),
			closed: b.getInt('closed'),
			final: b.getBool('final')
		};
	} catch (_) {
		return null;
	}
}

/** Settle every contest whose end has passed (the cron job's work; requests usually did it). */
function settleDue(app) {
	const g = require(`${__hooks}/lib/gongxue.js`);
	const now = Date.now();
	app
		.findRecordsByFilter('contests', 'settled = false && starts_at <= {:now}', '', 200, 0, {
			now: new Date(now).toISOString().replace('T', ' ')
		})
		.forEach((c) => tally(app, g, c, now));
}

module.exports = {
	timingOf: timingOf,
	tally: tally,
	standings: standings,
	branchStandings: branchStandings,
	standingOf: standingOf,
	boardOf: boardOf,
	accuracyOf: accuracyOf,
	questionsOf: questionsOf,
	topicOf: topicOf,
	broadcast: broadcast,
	settleDue: settleDue
};
