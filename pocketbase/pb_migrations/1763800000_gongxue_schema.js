/// <reference path="../pb_data/types.d.ts" />

// The server schema: organisations and branches, members (users), the lessons the server grades
// against, the event ledger and the leaderboard totals; API rules for every role; the batch API
// and the rate limiter. Roles: member, secretary (one branch), admin (an organisation).

/** Rule fragments, by role. `@request.auth.branch` is the requester's branch. */
const AUTHED = '@request.auth.id != "" && @request.auth.collectionName = "users"';
const SAME_ORG = (orgField) =>
	`${AUTHED} && @request.auth.branch != "" && ${orgField} = @request.auth.branch.organisation`;
// A role counts only with a branch: an empty branch must never match other empty fields
// (a branch deleted under its members leaves them with none).
const ADMIN_OF = (orgField) =>
	`@request.auth.role = "admin" && @request.auth.branch != "" && ${orgField} = @request.auth.branch.organisation`;
const SECRETARY_OF = (branchField) =>
	`@request.auth.role = "secretary" && @request.auth.branch != "" && ${branchField} = @request.auth.branch`;
/** Records belonging to a member (`userField`): the member, their branch's secretary, their org's admin. */
const OWNER_OR_LEADERS = (userField) =>
	`${userField} = @request.auth.id || (${SECRETARY_OF(`${userField}.branch`)}) || (${ADMIN_OF(`${userField}.branch.organisation`)})`;

migrate(
	(app) => {
		const organisations = new Collection({
			type: 'base',
			name: 'organisations',
			listRule: SAME_ORG('id'),
			viewRule: SAME_ORG('id'),
			createRule: null,
			// An admin renames the organisation; its code is the operator's.
			updateRule: `${ADMIN_OF('id')} && @request.body.code:isset = false`,
			deleteRule: null,
			fields: [
				{ name: 'name', type: 'text', required: true, max: 80 },
				{ name: 'code', type: 'text', required: true, max: 40, pattern: '^[a-z0-9-]+$' }
			],
			indexes: ['CREATE UNIQUE INDEX idx_organisations_code ON organisations (code)']
		});
		app.save(organisations);

		const branches = new Collection({
			type: 'base',
			name: 'branches',
			listRule: SAME_ORG('organisation'),
			viewRule: SAME_ORG('organisation'),
			createRule: `@request.auth.role = "admin" && @request.auth.branch != "" && @request.body.organisation = @request.auth.branch.organisation`,
			updateRule: `((${ADMIN_OF('organisation')}) || (${SECRETARY_OF('id')})) && (@request.body.organisation:isset = false || @request.body.organisation = organisation)`,
			deleteRule: null, // set below, once users have a branch

			fields: [
				{ name: 'name', type: 'text', required: true, max: 80 },
				{
					name: 'organisation',
					type: 'relation',
					required: true,
					collectionId: organisations.id,
					maxSelect: 1
				},
				// Hidden (so not even filterable); shown to the branch's secretary and the
				// organisation's admin by the enrich hook.
				{
					name: 'join_code',
					type: 'text',
					required: true,
					hidden: true,
					min: 6,
					max: 16,
					pattern: '^[A-Z0-9]+$'
				}
			],
			indexes: [
				'CREATE UNIQUE INDEX idx_branches_join_code ON branches (join_code)',
				'CREATE INDEX idx_branches_organisation ON branches (organisation)'
			]
		});
		app.save(branches);

		const users = app.findCollectionByNameOrId('users');
		users.fields.add(
			new RelationField({ name: 'branch', collectionId: branches.id, maxSelect: 1 }),
			new SelectField({ name: 'role', values: ['member', 'secretary', 'admin'], maxSelect: 1 }),
			// The member's choice to appear as 匿名 on public boards.
			new BoolField({ name: 'hide_name' })
		);
		users.listRule = `id = @request.auth.id || (${SECRETARY_OF('branch')}) || (${ADMIN_OF('branch.organisation')})`;
		users.viewRule = users.listRule;
		// Anyone may register; the hook requires a valid branch join code and makes them a member.
		users.createRule = '';
		// Members edit their own profile but not their role or branch; an admin may move members
		// and set roles within the organisation.
		users.updateRule =
			`(id = @request.auth.id && @request.body.role:isset = false && @request.body.branch:isset = false) || ` +
			`(${ADMIN_OF('branch.organisation')} && (@request.body.branch:isset = false || @request.body.branch.organisation = @request.auth.branch.organisation))`;
		users.deleteRule = null;
		users.indexes.push('CREATE INDEX idx_users_branch ON users (branch)');
		app.save(users);
		// Only an empty branch: deleting one with people would strand them without a branch.
		const saved = app.findCollectionByNameOrId('branches');
		saved.deleteRule = `${ADMIN_OF('organisation')} && @collection.users.branch != id`;
		app.save(saved);

		const lessons = new Collection({
			type: 'base',
			name: 'lessons',
			listRule: AUTHED,
			viewRule: AUTHED,
			createRule: null,
			updateRule: null,
			deleteRule: null,
			fields: [
				{ name: 'lesson_id', type: 'text', required: true, max: 64, pattern: '^[a-z0-9-]{3,64}$' },
				{ name: 'title', type: 'text', required: true, max: 120 },
				{ name: 'category', type: 'text', max: 60 },
				{ name: 'track', type: 'select', values: ['required', 'elective'], maxSelect: 1 },
				{ name: 'minutes', type: 'number', onlyInt: true, min: 1, max: 60 },
				// Points for a first completion; null (a JSON null) means the rules' default.
				{ name: 'credits', type: 'json', maxSize: 16 },
				{ name: 'hash', type: 'text', max: 64 },
				// The answer keys the server grades with: never sent to any client.
				{ name: 'questions', type: 'json', hidden: true, maxSize: 2000000 },
				{ name: 'source', type: 'select', values: ['builtin', 'uploaded'], maxSelect: 1 }
			],
			indexes: ['CREATE UNIQUE INDEX idx_lessons_lesson_id ON lessons (lesson_id)']
		});
		app.save(lessons);

		const events = new Collection({
			type: 'base',
			name: 'events',
			listRule: OWNER_OR_LEADERS('user'),
			viewRule: OWNER_OR_LEADERS('user'),
			createRule: AUTHED,
			updateRule: null,
			deleteRule: null,
			fields: [
				// The device-made UUIDv7: the idempotency key.
				{
					name: 'event_id',
					type: 'text',
					required: true,
					pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
				},
				// Set by the server from the request's auth, never from the body.
				{
					name: 'user',
					type: 'relation',
					collectionId: users.id,
					maxSelect: 1,
					cascadeDelete: true
				},
				{ name: 'device', type: 'text', max: 64 },
				{ name: 'type', type: 'text', required: true, max: 40 },
				{ name: 'payload', type: 'json', maxSize: 4000 },
				// The device's clock when it happened (ms): information only, never used for rules.
				{ name: 'client_at', type: 'number' },
				// The rest is the server's: its day, its verdict, its points.
				{ name: 'server_day', type: 'text', max: 10 },
				{ name: 'status', type: 'select', values: ['accepted', 'rejected'], maxSelect: 1 },
				{ name: 'points', type: 'number', onlyInt: true },
				{ name: 'reason', type: 'text', max: 40 },
				{ name: 'subject', type: 'text', max: 64 },
				{ name: 'created', type: 'autodate', onCreate: true, onUpdate: false }
			],
			indexes: [
				'CREATE UNIQUE INDEX idx_events_event_id ON events (event_id)',
				'CREATE INDEX idx_events_user_day ON events (user, type, server_day)',
				'CREATE INDEX idx_events_user_subject ON events (user, type, subject)',
				'CREATE INDEX idx_events_user_created ON events (user, created)'
			]
		});
		app.save(events);

		// Points per member per period ('all', 'w2026-47', 'm2026-11'), kept by the hooks so that
		// a leaderboard is one indexed read however many events there are.
		const totals = new Collection({
			type: 'base',
			name: 'point_totals',
			listRule: OWNER_OR_LEADERS('user'),
			viewRule: OWNER_OR_LEADERS('user'),
			createRule: null,
			updateRule: null,
			deleteRule: null,
			fields: [
				{
					name: 'user',
					type: 'relation',
					required: true,
					collectionId: users.id,
					maxSelect: 1,
					cascadeDelete: true
				},
				{ name: 'branch', type: 'relation', collectionId: branches.id, maxSelect: 1 },
				{ name: 'organisation', type: 'relation', collectionId: organisations.id, maxSelect: 1 },
				{ name: 'period', type: 'text', required: true, max: 12 },
				{ name: 'points', type: 'number', onlyInt: true }
			],
			indexes: [
				'CREATE UNIQUE INDEX idx_totals_user_period ON point_totals (user, period)',
				'CREATE INDEX idx_totals_branch ON point_totals (period, branch, points)',
				'CREATE INDEX idx_totals_org ON point_totals (period, organisation)'
			]
		});
		app.save(totals);

		const settings = app.settings();
		settings.meta.appName = '共学';
		settings.batch.enabled = true;
		settings.batch.maxRequests = 100;
		settings.batch.timeout = 10;
		settings.batch.maxBodySize = 1024 * 1024;
		settings.rateLimits.enabled = true;
		// Generous for a company behind one IP; tight where guessing passwords or codes would pay.
		settings.rateLimits.rules = [
			{ label: '*:auth', audience: '', duration: 60, maxRequests: 20 },
			{ label: 'users:create', audience: '', duration: 300, maxRequests: 20 },
			{ label: '/api/batch', audience: '', duration: 10, maxRequests: 600 },
			{ label: '/api/', audience: '', duration: 10, maxRequests: 1200 }
		];
		app.save(settings);
	},
	(app) => {
		for (const name of ['point_totals', 'events', 'lessons'])
			app.delete(app.findCollectionByNameOrId(name));
		const users = app.findCollectionByNameOrId('users');
		for (const name of ['branch', 'role', 'hide_name']) users.fields.removeByName(name);
		users.indexes = users.indexes.filter((i) => !i.includes('idx_users_branch'));
		users.listRule = 'id = @request.auth.id';
		users.viewRule = 'id = @request.auth.id';
		users.createRule = '';
		users.updateRule = 'id = @request.auth.id';
		users.deleteRule = 'id = @request.auth.id';
		app.save(users);
		for (const name of ['branches', 'organisations'])
			app.delete(app.findCollectionByNameOrId(name));
		const settings = app.settings();
		settings.batch.enabled = false;
		settings.rateLimits.enabled = false;
		app.save(settings);
	}
);
