/// <reference path="../pb_data/types.d.ts" />

// Join codes are a hidden field (never listed or filterable by clients, nor writable by them):
// the server makes each branch an unguessable code when the branch is created.
onRecordCreateRequest((e) => {
	if (!e.hasSuperuserAuth() || e.record.getString('join_code') === '') {
		e.record.set(
			'join_code',
			$security.randomStringWithAlphabet(8, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789')
		);
	}
	e.next();
}, 'branches');
