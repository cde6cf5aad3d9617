/// <reference path="../../pb_data/types.d.ts" />
// The ledger's server side: points go to a member's week, month and all-time totals, and events
// the server makes itself (a sharer's credit, a contest's points) join the member's ledger like
// their own. Runs inside PocketBase's JS engine (CommonJS, ES2015).

const { organisationOf } = require(`${__hooks}/lib/records.js`);

/** Add points to the member's all-time, week and month totals in one statement each. */
function addToTotals(app, g, user, points, now) {
	if (points <= 0) return;
	const periods = g.periodsOf(now);
	const branch = user.getString('branch');
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
				user: user.id,
				branch: branch,
				org: org,
				period: period,
				points: points
			})
			.execute();
	}
}

/** A server-made event id, in the UUID form devices use. */
function serverEventId() {
	const hex = $security.randomStringWithAlphabet(32, '0123456789abcdef');
	return (
		hex.slice(0, 8) +
		'-' +
		hex.slice(8, 12) +
		'-4' +
		hex.slice(13, 16) +
		'-8' +
		hex.slice(17, 20) +
		'-' +
		hex.slice(20, 32)
	);
}

/**
 * Write an event the server makes to a member's ledger and add its points to their totals.
 * `ev`: user (id), type, subject, payload, status, points, reason, lesson, now (ms), day.
 */
function writeServerEvent(app, g, ev) {
	const user = app.findRecordById('users', ev.user);
	const record = new Record(app.findCollectionByNameOrId('events'));
	record.set('event_id', serverEventId());
	record.set('user', ev.user);
	// The member's branch now, as for their own events (lib/ingest.js).
	record.set('branch', user.getString('branch'));
	record.set('device', 'server');
	record.set('type', ev.type);
	record.set('payload', ev.payload);
	record.set('client_at', ev.now);
	record.set('server_day', ev.day);
	record.set('status', ev.status || 'accepted');
	record.set('points', ev.points);
	record.set('reason', ev.reason || '');
	record.set('subject', ev.subject);
	record.set('lesson', ev.lesson || '');
	app.save(record);
	if (ev.points > 0) addToTotals(app, g, user, ev.points, ev.now);
}

module.exports = { addToTotals: addToTotals, writeServerEvent: writeServerEvent };
