/// <reference path="../pb_data/types.d.ts" />

// Service activities (志愿服务, 主题党日, 支部会议): a member submits one, the server sets who,
// where and the status and checks it by the rules; a leader approves or rejects it through the
// review route, and an approval's points reach the member's ledger once (lib/service.js).
onRecordCreateRequest((e) => {
	if (e.hasSuperuserAuth()) return e.next();
	return require(`${__hooks}/lib/service.js`).saveActivity(e, true);
}, 'service_activities');

onRecordUpdateRequest((e) => {
	if (e.hasSuperuserAuth()) return e.next();
	return require(`${__hooks}/lib/service.js`).saveActivity(e, false);
}, 'service_activities');

// POST /api/gongxue/service/{id}/review {action: approve | reject, reason}.
routerAdd(
	'POST',
	'/api/gongxue/service/{id}/review',
	(e) => require(`${__hooks}/lib/service.js`).review(e),
	$apis.requireAuth('users')
);

// Branch meetings: a leader sets one up; the server makes its check-in secret (lib/meeting.js).
// Check-ins are events (`meeting.checkin`), graded by the ingest hook.
onRecordCreateRequest((e) => {
	const meeting = require(`${__hooks}/lib/meeting.js`);
	if (e.hasSuperuserAuth()) {
		if (e.record.getString('secret') === '') e.record.set('secret', meeting.freshSecret());
		return e.next();
	}
	return meeting.saveMeeting(e, true);
}, 'meetings');

onRecordUpdateRequest((e) => {
	if (e.hasSuperuserAuth()) return e.next();
	return require(`${__hooks}/lib/meeting.js`).saveMeeting(e, false);
}, 'meetings');

// GET /api/gongxue/meetings/{id}/qr: what the check-in QR code carries, for the meeting's
// leaders. No auth middleware: the handler answers guests and members itself, in Chinese.
routerAdd('GET', '/api/gongxue/meetings/{id}/qr', (e) =>
	require(`${__hooks}/lib/meeting.js`).qr(e)
);
