/// <reference path="../pb_data/types.d.ts" />

// A batch of events from a device is ingested in one transaction with the totals it changes.
onBatchRequest((e) => {
	const { ingestBatch } = require(`${__hooks}/lib/ingest.js`);
	return ingestBatch(e);
});

// One event alone (or a batch PocketBase runs itself): the same grading, per record.
onRecordCreateRequest((e) => {
	const { ingest } = require(`${__hooks}/lib/ingest.js`);
	if (e.hasSuperuserAuth()) return e.next();
	e.app.runInTransaction((txApp) => {
		e.app = txApp;
		ingest(e);
	});
}, 'events');

// An event written any other way (the superuser's, a script's) gets its member's branch too: a
// branch's reports count events by the branch they were made in (lib/report.js).
onRecordCreate((e) => {
	if (e.record.getString('branch') === '' && e.record.getString('user') !== '') {
		try {
			const user = e.app.findRecordById('users', e.record.getString('user'));
			e.record.set('branch', user.getString('branch'));
		} catch (_) {
			// no such member: the relation check refuses the event as it always did
		}
	}
	e.next();
}, 'events');

// The server's copy of a lesson changed: grade with the new one from now on.
onRecordAfterUpdateSuccess((e) => {
	$app.store().remove('lesson:' + e.record.getString('lesson_id'));
	e.next();
}, 'lessons');

onRecordAfterDeleteSuccess((e) => {
	$app.store().remove('lesson:' + e.record.getString('lesson_id'));
	e.next();
}, 'lessons');

// A built-in bank changed (the seed rewrote it): practice is graded with the new pool.
onRecordAfterCreateSuccess((e) => {
	$app.store().remove('practice-pool');
	e.next();
}, 'banks');

onRecordAfterUpdateSuccess((e) => {
	$app.store().remove('practice-pool');
	e.next();
}, 'banks');

onRecordAfterDeleteSuccess((e) => {
	$app.store().remove('practice-pool');
	e.next();
}, 'banks');
