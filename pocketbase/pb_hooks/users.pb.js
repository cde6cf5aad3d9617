/// <reference path="../pb_data/types.d.ts" />

// Registration: a member joins with the join code their branch secretary gave them. The server
// sets the branch and the member role; the body cannot choose either.
onRecordCreateRequest((e) => {
	if (e.hasSuperuserAuth()) return e.next();
	const body = e.requestInfo().body;
	const code = String(body.join_code || '')
		.trim()
		.toUpperCase();
	let branch = null;
	try {
		branch = code === '' ? null : e.app.findFirstRecordByData('branches', 'join_code', code);
	} catch (_) {
		branch = null;
	}
	if (branch === null) {
		// Answered directly: PocketBase would append a Latin full stop to a Chinese sentence.
		return e.json(400, {
			status: 400,
			message: '加入码无效：请向支部书记确认本支部的加入码。',
			data: { join_code: { code: 'invalid_join_code', message: '加入码无效' } }
		});
	}
	e.record.set('branch', branch.id);
	e.record.set('role', 'member');
	e.record.set('hide_name', body.hide_name === true);
	e.next();
}, 'users');

// A branch's join code (a hidden field) is shown to its secretary and the organisation's admin.
onRecordEnrich((e) => {
	const info = e.requestInfo;
	const auth = info ? info.auth : null;
	let allowed = info ? info.hasSuperuserAuth() : false;
	if (!allowed && auth && auth.collection().name === 'users') {
		const role = auth.getString('role');
		if (role === 'secretary') allowed = auth.getString('branch') === e.record.id;
		if (role === 'admin') {
			try {
				const own = e.app.findRecordById('branches', auth.getString('branch'));
				allowed = own.getString('organisation') === e.record.getString('organisation');
			} catch (_) {
				allowed = false;
			}
		}
	}
	if (allowed) e.record.unhide('join_code');
	e.next();
}, 'branches');

// A member who moves branch takes their points along: the totals the branch board sums follow
// them, in the same transaction as the move.
onRecordUpdate((e) => {
	e.next();
	const branch = e.record.getString('branch');
	let org = '';
	try {
		org = branch === '' ? '' : e.app.findRecordById('branches', branch).getString('organisation');
	} catch (_) {
		org = '';
	}
	e.app
		.db()
		.newQuery(
			'UPDATE point_totals SET branch = {:branch}, organisation = {:org} ' +
				'WHERE user = {:user} AND (branch != {:branch} OR organisation != {:org})'
		)
		.bind({ user: e.record.id, branch: branch, org: org })
		.execute();
}, 'users');
