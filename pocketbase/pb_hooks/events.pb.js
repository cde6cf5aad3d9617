/// <reference path="../pb_data/types.d.ts" />

// Every event a device pushes (alone or in a batch) is ingested in one transaction with the
// totals it changes.
onRecordCreateRequest((e) => {
	const { ingest } = require(`${__hooks}/lib/ingest.js`);
	if (e.hasSuperuserAuth()) return e.next();
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
