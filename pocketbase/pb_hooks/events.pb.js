/// <reference path="../pb_data/types.d.ts" />

// A batch of events from a device is ingested in one transaction with the totals it changes.
onBatchRequest((e) => {
	const { ingestBatch } = require(`${__hooks}/lib/ingest.js`);
	return ingestBatch(e);
});

// One event alone (or a batch PocketBase runs itself): the same grading, per record.
onRecordCreateRequest((e) => {
	const { ingest } = require(`${__hooks}/lib/ingest.js`);
	if (e.hasSuperuserAuth()) {
		// The superuser's event gets its member's branch too, as the branch's reports count by it.
		if (e.record.getString('branch') === '') {
			const user = require(`${__hooks}/lib/records.js`).byId(
				e.app,
				'users',
				e.record.getString('user')
			);
			if (user !== null) e.record.set('branch', user.getString('branch'));
		}
		return e.next();
	}
	e.app.runInTransaction((txApp) => {
		e.app = txApp;
		ingest(e);
	});
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
