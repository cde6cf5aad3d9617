/// <reference path="../../pb_data/types.d.ts" />
// The writer's name on a member's feedback. Runs inside PocketBase's JS engine (CommonJS, ES2015).

const { byId, organisationOf } = require(`${__hooks}/lib/records.js`);

/** Whether `auth` may see `user`'s account: themselves, their branch's secretary, their
 * organisation's admin (the users collection's own rule). */
function seesAccount(app, auth, user) {
	if (auth.collection().name !== 'users') return false;
	if (auth.id === user.id) return true;
	const own = auth.getString('branch');
	if (own === '') return false;
	const role = auth.getString('role');
	if (role === 'secretary') return user.getString('branch') === own;
	if (role === 'admin') {
		const org = organisationOf(app, own);
		return org !== '' && organisationOf(app, user.getString('branch')) === org;
	}
	return false;
}

/** Set `writer` on a feedback record being sent: the writer's name, or '' (匿名). */
function nameWriter(e) {
	const user = byId(e.app, 'users', e.record.getString('user'));
	const info = e.requestInfo;
	const auth = info ? info.auth : null;
	let name = '';
	if (user !== null) {
		const open =
			!user.getBool('hide_name') ||
			(info ? info.hasSuperuserAuth() : false) ||
			(auth ? seesAccount(e.app, auth, user) : false);
		name = open ? user.getString('name') : '';
	}
	e.record.withCustomData(true);
	e.record.set('writer', name);
}

module.exports = { nameWriter: nameWriter };
