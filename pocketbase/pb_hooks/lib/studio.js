/// <reference path="../../pb_data/types.d.ts" />
// The studio on the server: lessons written in the app are parsed here with the same parser as
// built-in ones (the text is the truth; title, keys and the rest derive from it), move through
// review by a table of transitions, and question banks keep only what parses.
// Runs inside PocketBase's JS engine (CommonJS, ES2015).

const { refuse, organisationOf } = require(`${__hooks}/lib/records.js`);

/** Who may move a lesson from which states to which, by action. `leader`: the secretary of the
 * lesson's branch or the admin of its organisation; `author`: whoever wrote it. */
const TRANSITIONS = {
	submit: { who: 'author', from: ['draft', 'changes'], to: 'review' },
	publish: { who: 'leader', from: ['draft', 'review', 'changes'], to: 'published' },
	changes: { who: 'leader', from: ['review'], to: 'changes', note: true },
	reject: { who: 'leader', from: ['review'], to: 'rejected', note: true },
	withdraw: { who: 'leader', from: ['published'], to: 'draft' }
};

/** Fields only the server writes on an uploaded lesson: kept as they were on every update. */
const SERVER_FIELDS = [
	'source',
	'author',
	'branch',
	'organisation',
	'kind',
	'status',
	'review_note',
	'learners',
	'accuracy',
	'featured'
];

/** Whether `auth` leads the lesson's branch (secretary) or organisation (admin). */
function leads(auth, record) {
	const role = auth.getString('role');
	if (auth.getString('branch') === '') return false;
	if (role === 'secretary') return record.getString('branch') === auth.getString('branch');
	if (role === 'admin') {
		return record.getString('organisation') === organisationOf($app, auth.getString('branch'));
	}
	return false;
}

/**
 * Parse the lesson text and write what derives from it into the record; returns the problems
 * (`行 N：…`), empty when the text is a valid lesson.
 */
function derive(record) {
	const content = require(`${__hooks}/lib/content.js`);
	const result = content.parseLesson({ path: 'lesson.md', text: record.getString('text') });
	if (result.problems.length > 0 || result.lesson === null) {
		return result.problems.map((p) => '第 ' + p.line + ' 行：' + p.message);
	}
	const lesson = result.lesson;
	record.set('lesson_id', lesson.id);
	record.set('title', lesson.title);
	record.set('summary', (lesson.summary || '').slice(0, 400));
	record.set('category', lesson.category || '');
	record.set('track', lesson.track || 'elective');
	record.set('minutes', lesson.minutes);
	record.set('credits', lesson.credits === undefined ? null : lesson.credits);
	record.set('hash', lesson.hash);
	record.set('questions', lesson.questions);
	return [];
}

/** A lesson id another lesson already has, or ''. */
function takenId(app, record) {
	try {
		const other = app.findFirstRecordByData('lessons', 'lesson_id', record.getString('lesson_id'));
		return other.id === record.id ? '' : record.getString('lesson_id');
	} catch (_) {
		return '';
	}
}

/** Create or update a lesson from the studio: derive, set what the server decides, check. */
function saveLesson(e, creating) {
	const auth = e.auth;
	const record = e.record;
	if (creating) {
		const role = auth.getString('role');
		record.set('source', 'uploaded');
		record.set('author', auth.id);
		record.set('branch', auth.getString('branch'));
		record.set('organisation', organisationOf(e.app, auth.getString('branch')));
		record.set('kind', role === 'member' ? 'shared' : 'official');
		record.set('status', 'draft');
		record.set('review_note', '');
		record.set('learners', 0);
		record.set('accuracy', 0);
		record.set('featured', false);
	} else {
		const original = record.original();
		SERVER_FIELDS.forEach((f) => record.set(f, original.get(f)));
	}
	// The whole organisation is an admin's to address; everyone else writes for their branch,
	// and only a leader of the lesson changes its scope.
	const wanted = record.getString('scope') === 'organisation' ? 'organisation' : 'branch';
	const isAdmin = auth.getString('role') === 'admin';
	if (creating) record.set('scope', isAdmin ? wanted : 'branch');
	else if (!leads(auth, record) || (wanted === 'organisation' && !isAdmin)) {
		record.set('scope', record.original().getString('scope') || 'branch');
	}
	const problems = derive(record);
	if (problems.length > 0) {
		return refuse(e, 400, '课程内容有 ' + problems.length + ' 处问题：' + problems[0], {
			text: { code: 'invalid_lesson', message: problems.join('\n') }
		});
	}
	if (!creating) {
		const before = record.original().getString('lesson_id');
		if (
			record.original().getString('status') === 'published' &&
			before !== record.getString('lesson_id')
		) {
			return refuse(e, 400, '课程已发布，编号（id）不能再改：学员的学习记录靠它对应。', {
				text: { code: 'lesson_id_fixed', message: '编号应为 ' + before }
			});
		}
	}
	const taken = takenId(e.app, record);
	if (taken !== '') {
		return refuse(e, 400, '课程编号 ' + taken + ' 已被其他课程使用，请在开头的 id 一栏换一个。', {
			text: { code: 'lesson_id_taken', message: taken }
		});
	}
	return e.next();
}

/** POST /api/gongxue/lessons/{id}/review: submit, publish, ask for changes, reject, withdraw. */
function review(e) {
	const auth = e.auth;
	const body = e.requestInfo().body;
	const action = String(body.action || '');
	const step = TRANSITIONS[action];
	if (!step) return refuse(e, 400, '未知的操作：' + action);
	let record;
	try {
		record = e.app.findRecordById('lessons', e.request.pathValue('id'));
	} catch (_) {
		return refuse(e, 404, '找不到这节课程。');
	}
	if (record.getString('source') !== 'uploaded') return refuse(e, 400, '内置课程不能在这里修改。');
	const isAuthor = record.getString('author') === auth.id;
	const allowed = step.who === 'author' ? isAuthor : leads(auth, record);
	if (!allowed) {
		return refuse(
			e,
			403,
			step.who === 'author' ? '只有作者可以提交审核。' : '只有本支部书记或组织管理员可以这样做。'
		);
	}
	const status = record.getString('status');
	if (step.from.indexOf(status) < 0) {
		return refuse(e, 409, '课程当前状态下不能这样做。', {
			status: { code: status, message: status }
		});
	}
	// A member's shared lesson reaches others only through a leader's review.
	if (action === 'publish' && record.getString('kind') === 'shared' && status !== 'review') {
		return refuse(e, 409, '党员分享的课程需先提交审核。');
	}
	const note = String(body.note || '').trim();
	if (step.note && note === '') return refuse(e, 400, '请写明原因，作者会看到它。');
	if (action === 'publish') {
		const scope = String(body.scope || record.getString('scope') || 'branch');
		if (scope === 'organisation' && auth.getString('role') !== 'admin') {
			return refuse(e, 403, '只有组织管理员可以发布到整个组织。');
		}
		record.set('scope', scope === 'organisation' ? 'organisation' : 'branch');
	}
	record.set('status', step.to);
	record.set('review_note', note.slice(0, 500));
	e.app.save(record);
	return e.json(200, {
		id: record.id,
		status: step.to,
		scope: record.getString('scope'),
		note: note
	});
}

/** Create or update a bank: the text must parse without a problem; the keys are derived. */
function saveBank(e, creating) {
	const auth = e.auth;
	const record = e.record;
	const fixed = ['author', 'branch', 'organisation', 'source', 'bank_id'];
	const practice = ['practice_scope', 'practice_from'];
	if (creating) {
		record.set('author', auth.id);
		record.set('branch', auth.getString('branch'));
		record.set('organisation', organisationOf(e.app, auth.getString('branch')));
		record.set('source', 'uploaded');
		record.set('bank_id', '');
		// 练习题库: for the branch (or, by an admin, the organisation), from the next server day.
		if ((e.requestInfo().body || {}).practice === true) {
			const g = require(`${__hooks}/lib/gongxue.js`);
			record.set('practice_scope', auth.getString('role') === 'admin' ? 'organisation' : 'branch');
			record.set('practice_from', g.serverDay(Date.now() + 86400000));
		} else {
			practice.forEach((f) => record.set(f, ''));
		}
	} else {
		fixed.concat(practice).forEach((f) => record.set(f, record.original().get(f)));
		// Its questions are on members' devices and in their daily sets: kept as they are.
		if (
			record.getString('practice_from') !== '' &&
			record.getString('text') !== record.original().getString('text')
		) {
			return refuse(e, 400, '练习题库已发布给成员，题目不能再修改；请另存为新题库。');
		}
	}
	const content = require(`${__hooks}/lib/content.js`);
	const result = content.parseQuestions(record.getString('text'));
	if (result.problems.length > 0) {
		const lines = result.problems.map((p) => '第 ' + p.line + ' 行：' + p.message);
		return refuse(e, 400, '题库有 ' + lines.length + ' 处问题：' + lines[0], {
			text: { code: 'invalid_bank', message: lines.join('\n') }
		});
	}
	if (result.questions.length === 0) return refuse(e, 400, '题库里还没有题目。');
	record.set('questions', result.questions);
	record.set('count', result.questions.length);
	return e.next();
}

/** An assignment: the lesson must be one the branch can study; the server notes who set it. */
function saveAssignment(e, creating) {
	const record = e.record;
	if (!creating) {
		['organisation', 'assigned_by'].forEach((f) => record.set(f, record.original().get(f)));
		return e.next();
	}
	let lesson;
	try {
		lesson = e.app.findRecordById('lessons', record.getString('lesson'));
	} catch (_) {
		return refuse(e, 400, '找不到要指派的课程。');
	}
	const branch = record.getString('branch');
	const org = organisationOf(e.app, branch);
	const reachable =
		lesson.getString('source') === 'builtin' ||
		(lesson.getString('status') === 'published' &&
			((lesson.getString('scope') === 'branch' && lesson.getString('branch') === branch) ||
				(lesson.getString('scope') === 'organisation' &&
					lesson.getString('organisation') === org)));
	if (!reachable) return refuse(e, 400, '只能指派本支部能学到的已发布课程。');
	record.set('organisation', org);
	record.set('assigned_by', e.auth.id);
	return e.next();
}

module.exports = {
	TRANSITIONS: TRANSITIONS,
	saveLesson: saveLesson,
	review: review,
	saveBank: saveBank,
	saveAssignment: saveAssignment
};
