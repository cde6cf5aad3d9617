/// <reference path="../pb_data/types.d.ts" />

// The studio: lessons written in the app (by secretaries, and shared by members for review),
// their media, question banks, required-lesson assignments and members' feedback; events learn
// which lesson they are about, for sharer credit, 精品 ranking and the branch report.
//
// Rule fragments as in 1763800000_gongxue_schema.js (a migration keeps its own copy, so that it
// runs as written whatever later files change).
const AUTHED = '@request.auth.id != "" && @request.auth.collectionName = "users"';
const MEMBER = `${AUTHED} && @request.auth.branch != ""`;
const ADMIN_OF = (orgField) =>
	`@request.auth.role = "admin" && @request.auth.branch != "" && ${orgField} = @request.auth.branch.organisation`;
const SECRETARY_OF = (branchField) =>
	`@request.auth.role = "secretary" && @request.auth.branch != "" && ${branchField} = @request.auth.branch`;
/** The secretary of the record's branch or the admin of its organisation. */
const LEADERS = `(${SECRETARY_OF('branch')}) || (${ADMIN_OF('organisation')})`;

/** Media a lesson may carry, checked by PocketBase on the file's content, not its name. No SVG,
 * no HTML: nothing that can carry script. */
const MEDIA_TYPES = [
	'audio/mpeg',
	'audio/mp4',
	'audio/x-m4a',
	'audio/aac',
	'audio/ogg',
	'audio/webm',
	'audio/wav',
	'audio/x-wav',
	'video/mp4',
	'video/webm',
	'image/png',
	'image/jpeg',
	'image/webp',
	'image/gif'
];
/** 50 MB: a short narrated lesson or a few minutes of phone video. */
const MEDIA_MAX_BYTES = 50 * 1024 * 1024;

migrate(
	(app) => {
		const lessons = app.findCollectionByNameOrId('lessons');
		const users = app.findCollectionByNameOrId('users');
		const branches = app.findCollectionByNameOrId('branches');
		const organisations = app.findCollectionByNameOrId('organisations');

		const source = lessons.fields.getByName('source');
		source.values = ['builtin', 'uploaded'];
		lessons.fields.add(
			// The lesson file as written (front matter, markdown, quiz blocks): devices parse it
			// with the same parser as built-in lessons. Everything else below is derived from it
			// by the server, or set by the server.
			new TextField({ name: 'text', max: 200000 }),
			new TextField({ name: 'summary', max: 400 }),
			new SelectField({
				name: 'status',
				values: ['draft', 'review', 'changes', 'published', 'rejected'],
				maxSelect: 1
			}),
			// official: a secretary's or admin's; shared: a member's (共享党课), reviewed first.
			new SelectField({ name: 'kind', values: ['official', 'shared'], maxSelect: 1 }),
			new SelectField({ name: 'scope', values: ['branch', 'organisation'], maxSelect: 1 }),
			new RelationField({ name: 'author', collectionId: users.id, maxSelect: 1 }),
			new RelationField({ name: 'branch', collectionId: branches.id, maxSelect: 1 }),
			new RelationField({ name: 'organisation', collectionId: organisations.id, maxSelect: 1 }),
			new TextField({ name: 'review_note', max: 500 }),
			new FileField({
				name: 'media',
				maxSelect: 20,
				maxSize: MEDIA_MAX_BYTES,
				mimeTypes: MEDIA_TYPES
			}),
			new NumberField({ name: 'learners', onlyInt: true }),
			new NumberField({ name: 'accuracy' }),
			new BoolField({ name: 'featured' }),
			new AutodateField({ name: 'updated', onCreate: true, onUpdate: true })
		);
		const visible =
			`source = "builtin" || author = @request.auth.id || ` +
			`(status = "published" && ((scope = "branch" && branch = @request.auth.branch) || ` +
			`(scope = "organisation" && organisation = @request.auth.branch.organisation))) || ` +
			`((${LEADERS}) && status != "draft")`;
		lessons.listRule = `${MEMBER} && (${visible})`;
		lessons.viewRule = lessons.listRule;
		// The hook sets author, branch, organisation, kind and status, and derives the rest.
		lessons.createRule = MEMBER;
		lessons.updateRule =
			`${MEMBER} && source = "uploaded" && (` +
			`(author = @request.auth.id && (status = "draft" || status = "changes")) || ` +
			`((${LEADERS}) && status != "draft"))`;
		lessons.deleteRule =
			`${MEMBER} && source = "uploaded" && (` +
			`(author = @request.auth.id && status != "published" && status != "review") || ` +
			`((${LEADERS}) && status != "draft"))`;
		lessons.indexes.push(
			'CREATE INDEX idx_lessons_status ON lessons (status, updated)',
			'CREATE INDEX idx_lessons_author ON lessons (author)',
			'CREATE INDEX idx_lessons_branch ON lessons (branch, status)'
		);
		app.save(lessons);

		const events = app.findCollectionByNameOrId('events');
		// Set by the server from the payload: which lesson an event is about.
		events.fields.add(new TextField({ name: 'lesson', max: 64 }));
		events.fields.getByName('subject').max = 100;
		events.indexes.push('CREATE INDEX idx_events_lesson ON events (lesson, type)');
		app.save(events);
		app
			.db()
			.newQuery(
				"UPDATE events SET lesson = COALESCE(json_extract(payload, '$.lessonId'), '') WHERE json_valid(payload)"
			)
			.execute();

		// A required lesson for a branch, with a due date.
		const assignments = new Collection({
			type: 'base',
			name: 'assignments',
			listRule: `${MEMBER} && (branch = @request.auth.branch || ${LEADERS})`,
			viewRule: `${MEMBER} && (branch = @request.auth.branch || ${LEADERS})`,
			createRule: `${MEMBER} && (${SECRETARY_OF('@request.body.branch')} || ${ADMIN_OF('@request.body.branch.organisation')})`,
			updateRule: `${MEMBER} && (${LEADERS}) && @request.body.branch:isset = false && @request.body.lesson:isset = false`,
			deleteRule: `${MEMBER} && (${LEADERS})`,
			fields: [
				{
					name: 'branch',
					type: 'relation',
					required: true,
					collectionId: branches.id,
					maxSelect: 1,
					cascadeDelete: true
				},
				{ name: 'organisation', type: 'relation', collectionId: organisations.id, maxSelect: 1 },
				{
					name: 'lesson',
					type: 'relation',
					required: true,
					collectionId: lessons.id,
					maxSelect: 1,
					cascadeDelete: true
				},
				{ name: 'due', type: 'date', required: true },
				{ name: 'note', type: 'text', max: 200 },
				{ name: 'assigned_by', type: 'relation', collectionId: users.id, maxSelect: 1 },
				{ name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
				{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
			],
			indexes: ['CREATE UNIQUE INDEX idx_assignments_branch_lesson ON assignments (branch, lesson)']
		});
		app.save(assignments);

		// A named question bank of a branch (or, by an admin, of the organisation). Its answer
		// keys are for contests and the server: only the branch's leaders read a bank.
		const banks = new Collection({
			type: 'base',
			name: 'banks',
			listRule: `${MEMBER} && (${LEADERS})`,
			viewRule: `${MEMBER} && (${LEADERS})`,
			createRule: `${MEMBER} && (@request.auth.role = "secretary" || @request.auth.role = "admin")`,
			updateRule: `${MEMBER} && (${LEADERS})`,
			deleteRule: `${MEMBER} && (${LEADERS})`,
			fields: [
				{ name: 'name', type: 'text', required: true, max: 80 },
				{ name: 'text', type: 'text', max: 2000000 },
				{ name: 'questions', type: 'json', maxSize: 4000000 },
				{ name: 'count', type: 'number', onlyInt: true },
				{ name: 'author', type: 'relation', collectionId: users.id, maxSelect: 1 },
				{ name: 'branch', type: 'relation', collectionId: branches.id, maxSelect: 1 },
				{ name: 'organisation', type: 'relation', collectionId: organisations.id, maxSelect: 1 },
				{ name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
				{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
			],
			indexes: ['CREATE INDEX idx_banks_branch ON banks (branch)']
		});
		app.save(banks);

		// A member's rating (1–5) and comment on a lesson; one per member and lesson.
		const feedback = new Collection({
			type: 'base',
			name: 'feedback',
			listRule: `${MEMBER} && (user = @request.auth.id || lesson.author = @request.auth.id || (${SECRETARY_OF('lesson.branch')}) || (${ADMIN_OF('lesson.organisation')}))`,
			viewRule: `${MEMBER} && (user = @request.auth.id || lesson.author = @request.auth.id || (${SECRETARY_OF('lesson.branch')}) || (${ADMIN_OF('lesson.organisation')}))`,
			// On a lesson the writer can study: built-in, or published to their branch or organisation.
			createRule:
				`${MEMBER} && @request.body.user = @request.auth.id && (lesson.source = "builtin" || ` +
				`(lesson.status = "published" && ((lesson.scope = "branch" && lesson.branch = @request.auth.branch) || ` +
				`(lesson.scope = "organisation" && lesson.organisation = @request.auth.branch.organisation))))`,
			updateRule: `${MEMBER} && user = @request.auth.id && (@request.body.user:isset = false || @request.body.user = @request.auth.id) && @request.body.lesson:isset = false`,
			deleteRule: `${MEMBER} && (user = @request.auth.id || (${SECRETARY_OF('lesson.branch')}) || (${ADMIN_OF('lesson.organisation')}))`,
			fields: [
				{
					name: 'lesson',
					type: 'relation',
					required: true,
					collectionId: lessons.id,
					maxSelect: 1,
					cascadeDelete: true
				},
				{
					name: 'user',
					type: 'relation',
					required: true,
					collectionId: users.id,
					maxSelect: 1,
					cascadeDelete: true
				},
				{ name: 'rating', type: 'number', required: true, onlyInt: true, min: 1, max: 5 },
				{ name: 'comment', type: 'text', max: 500 },
				{ name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
				{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
			],
			indexes: ['CREATE UNIQUE INDEX idx_feedback_lesson_user ON feedback (lesson, user)']
		});
		app.save(feedback);
	},
	(app) => {
		for (const name of ['feedback', 'banks', 'assignments'])
			app.delete(app.findCollectionByNameOrId(name));
		const events = app.findCollectionByNameOrId('events');
		events.indexes = events.indexes.filter((i) => !i.includes('idx_events_lesson'));
		events.fields.removeByName('lesson');
		events.fields.getByName('subject').max = 64;
		app.save(events);
		const lessons = app.findCollectionByNameOrId('lessons');
		app.db().newQuery("DELETE FROM lessons WHERE source != 'builtin'").execute();
		for (const name of [
			'text',
			'summary',
			'status',
			'kind',
			'scope',
			'author',
			'branch',
			'organisation',
			'review_note',
			'media',
			'learners',
			'accuracy',
			'featured',
			'updated'
		])
			lessons.fields.removeByName(name);
		lessons.indexes = lessons.indexes.filter(
			(i) =>
				!i.includes('idx_lessons_status') &&
				!i.includes('idx_lessons_author') &&
				!i.includes('idx_lessons_branch')
		);
		const authed = '@request.auth.id != "" && @request.auth.collectionName = "users"';
		lessons.listRule = authed;
		lessons.viewRule = authed;
		lessons.createRule = null;
		lessons.updateRule = null;
		lessons.deleteRule = null;
		app.save(lessons);
	}
);
