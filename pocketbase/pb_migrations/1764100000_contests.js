/// <reference path="../pb_data/types.d.ts" />

// Contests (知识竞赛): a secretary or admin sets one up from their question banks; members play
// it through the server's routes (pb_hooks/contests.pb.js), which reveal questions by server time
// and score every answer. Answer keys never leave the server before a question closes: the
// contest's questions are a hidden field, answers are written only by the routes, and their
// keys are not stored on them.
//
// Rule fragments as in 1763800000_gongxue_schema.js (a migration keeps its own copy).
const AUTHED = '@request.auth.id != "" && @request.auth.collectionName = "users"';
const MEMBER = `${AUTHED} && @request.auth.branch != ""`;
/** A member the contest is for: its organisation, and its branches unless organisation-wide. */
const IN_SCOPE = (c) =>
	`${c}organisation = @request.auth.branch.organisation && (${c}scope = "organisation" || ${c}branches.id ?= @request.auth.branch)`;
/** The contest's leaders: the admin of its organisation, or a secretary of one of its branches. */
const LEADS = (c) =>
	`(@request.auth.role = "admin" && ${c}organisation = @request.auth.branch.organisation) || ` +
	`(@request.auth.role = "secretary" && ${c}branches.id ?= @request.auth.branch)`;

migrate(
	(app) => {
		const users = app.findCollectionByNameOrId('users');
		const branches = app.findCollectionByNameOrId('branches');
		const organisations = app.findCollectionByNameOrId('organisations');
		const banks = app.findCollectionByNameOrId('banks');

		const contests = new Collection({
			type: 'base',
			name: 'contests',
			listRule: `${MEMBER} && (${IN_SCOPE('')} || ${LEADS('')})`,
			viewRule: `${MEMBER} && (${IN_SCOPE('')} || ${LEADS('')})`,
			// Checked again by the create hook: the banks must be the leader's, the branches theirs.
			createRule: `${MEMBER} && (@request.auth.role = "secretary" || @request.auth.role = "admin")`,
			updateRule: null,
			deleteRule: `${MEMBER} && (${LEADS('')})`,
			fields: [
				{ name: 'name', type: 'text', required: true, max: 80 },
				{ name: 'mode', type: 'select', required: true, values: ['live', 'window'], maxSelect: 1 },
				{
					name: 'scope',
					type: 'select',
					required: true,
					values: ['branch', 'branches', 'organisation'],
					maxSelect: 1
				},
				{ name: 'branches', type: 'relation', collectionId: branches.id, maxSelect: 50 },
				{ name: 'organisation', type: 'relation', collectionId: organisations.id, maxSelect: 1 },
				{ name: 'banks', type: 'relation', collectionId: banks.id, maxSelect: 20 },
				{ name: 'count', type: 'number', required: true, onlyInt: true, min: 1, max: 50 },
				{ name: 'seconds', type: 'number', required: true, onlyInt: true, min: 5, max: 300 },
				// Live: when the first question opens. Window: when the window opens.
				{ name: 'starts_at', type: 'date', required: true },
				// Window: when it closes.
				{ name: 'ends_at', type: 'date' },
				{ name: 'participation_points', type: 'number', onlyInt: true, min: 0, max: 20 },
				// Points for first, second, third place.
				{ name: 'place_points', type: 'json', maxSize: 200 },
				// The questions, drawn by the server, with their keys: never sent to a device.
				{ name: 'questions', type: 'json', hidden: true, maxSize: 2000000 },
				{ name: 'created_by', type: 'relation', collectionId: users.id, maxSelect: 1 },
				// Set once the server has written the participants' points.
				{ name: 'settled', type: 'bool' },
				{ name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
				{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
			],
			indexes: ['CREATE INDEX idx_contests_org ON contests (organisation, starts_at)']
		});
		app.save(contests);

		// One member's answer to one question of a contest, written only by the server's route:
		// one per member and question (unique), scored by the server from its own clock.
		const answers = new Collection({
			type: 'base',
			name: 'contest_answers',
			listRule: `${MEMBER} && (user = @request.auth.id || ${LEADS('contest.')})`,
			viewRule: `${MEMBER} && (user = @request.auth.id || ${LEADS('contest.')})`,
			createRule: null,
			updateRule: null,
			deleteRule: null,
			fields: [
				{
					name: 'contest',
					type: 'relation',
					required: true,
					collectionId: contests.id,
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
				{ name: 'position', type: 'number', onlyInt: true, min: 0 },
				{ name: 'answer', type: 'json', maxSize: 4000 },
				// Hidden (not sent, not filterable by devices): shown through the play and results
				// routes once the question has closed.
				{ name: 'correct', type: 'bool', hidden: true },
				{ name: 'score', type: 'number', onlyInt: true, min: 0, hidden: true },
				// Milliseconds from the question's opening (for this member) to the answer.
				{ name: 'ms', type: 'number', onlyInt: true, min: 0 },
				// Window mode: when the server showed this member the question (ms).
				{ name: 'revealed_at', type: 'number' },
				{ name: 'answered_at', type: 'number' },
				// Added to the leaderboard: done once the question has closed, so that no one learns
				// whether an answer was right (and so the key) while others can still answer.
				{ name: 'counted', type: 'bool' },
				{ name: 'created', type: 'autodate', onCreate: true, onUpdate: false }
			],
			indexes: [
				'CREATE UNIQUE INDEX idx_contest_answers_one ON contest_answers (contest, user, position)'
			]
		});
		app.save(answers);

		// The leaderboard: a member's running total in a contest, added to by the server as each
		// question closes; members in the contest's scope read it, live, through realtime.
		const scores = new Collection({
			type: 'base',
			name: 'contest_scores',
			listRule: `${MEMBER} && (${IN_SCOPE('contest.')} || ${LEADS('contest.')})`,
			viewRule: `${MEMBER} && (${IN_SCOPE('contest.')} || ${LEADS('contest.')})`,
			createRule: null,
			updateRule: null,
			deleteRule: null,
			fields: [
				{
					name: 'contest',
					type: 'relation',
					required: true,
					collectionId: contests.id,
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
				{ name: 'branch', type: 'relation', collectionId: branches.id, maxSelect: 1 },
				// The name shown on the board ('' for a member who hides it).
				{ name: 'name', type: 'text', max: 80 },
				{ name: 'total', type: 'number', onlyInt: true, min: 0 },
				{ name: 'ms', type: 'number', onlyInt: true, min: 0 },
				{ name: 'answered', type: 'number', onlyInt: true, min: 0 },
				{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
			],
			indexes: [
				'CREATE UNIQUE INDEX idx_contest_scores_one ON contest_scores (contest, user)',
				'CREATE INDEX idx_contest_scores_board ON contest_scores (contest, total)'
			]
		});
		app.save(scores);

		// What the contest's screens show, in one record per contest rewritten by the server as
		// each question closes: the leading members, the branches by their members' average, and
		// how many took part. One record, so that realtime sends one message to each member per
		// question rather than one per member on the board.
		const boards = new Collection({
			type: 'base',
			name: 'contest_boards',
			listRule: `${MEMBER} && (${IN_SCOPE('contest.')} || ${LEADS('contest.')})`,
			viewRule: `${MEMBER} && (${IN_SCOPE('contest.')} || ${LEADS('contest.')})`,
			createRule: null,
			updateRule: null,
			deleteRule: null,
			fields: [
				{
					name: 'contest',
					type: 'relation',
					required: true,
					collectionId: contests.id,
					maxSelect: 1,
					cascadeDelete: true
				},
				// [{user, name, branch, total, ms, answered, place}], best first.
				{ name: 'members', type: 'json', maxSize: 100000 },
				// [{branch, name, members, average, place}], best first.
				{ name: 'branches', type: 'json', maxSize: 100000 },
				{ name: 'participants', type: 'number', onlyInt: true, min: 0 },
				// The last question counted (-1: none yet).
				{ name: 'closed', type: 'number', onlyInt: true },
				// Every question counted: the board is the result.
				{ name: 'final', type: 'bool' },
				{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
			],
			indexes: ['CREATE UNIQUE INDEX idx_contest_boards_one ON contest_boards (contest)']
		});
		app.save(boards);
	},
	(app) => {
		for (const name of ['contest_boards', 'contest_scores', 'contest_answers', 'contests'])
			app.delete(app.findCollectionByNameOrId(name));
	}
);
