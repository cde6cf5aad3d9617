/// <reference path="../pb_data/types.d.ts" />

// Join codes are a hidden field (never listed or filterable by clients, nor writable by them):
// the server makes each branch an unguessable code when the branch is created (lib/joincode.js,
// which also lets the branch's leaders see and reset it).
onRecordCreateRequest((e) => {
	if (!e.hasSuperuserAuth() || e.record.getString('join_code') === '') {
		e.record.set('join_code', require(`${__hooks}/lib/joincode.js`).freshCode(e.app));
	}
	e.next();
}, 'branches');
