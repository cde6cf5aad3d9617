// eslint-disable-next-line @typescript-eslint/ban-ts-comment -- run by PocketBase's JS engine (goja), typed by no project
// @ts-nocheck

// Bench only: bench/server.ts copies pocketbase/pb_hooks to a temporary folder, adds this file
// and starts PocketBase on it. A superuser-only route that bulk-loads rows with SQL in one
// transaction (creating 10,000 members and 1,000,000 events through the API would take hours of
// bcrypt and hooks). Never part of the app's hooks.
//
// POST /api/bench/seed { step: 'org', branches, lessons }            organisation, branches, lessons
// POST /api/bench/seed { step: 'members', members, branches, template } members sharing one hash
// POST /api/bench/seed { step: 'events', events, members, lessonFrom, lessons } history + totals
routerAdd(
	'POST',
	'/api/bench/seed',
	(e) => {
		const body = e.requestInfo().body;
		const started = Date.now();
		const out = { step: body.step };
		const count = (app, sql) => {
			const row = new DynamicModel({ n: 0 });
			app.db().newQuery(sql).one(row);
			return row.n;
		};
		e.app.runInTransaction((tx) => {
			const run = (sql, params) =>
				tx
					.db()
					.newQuery(sql)
					.bind(params || {})
					.execute();
			if (body.step === 'org') {
				run(
					"INSERT INTO organisations (id, name, code) VALUES ('obench000000000', '基准测试组织', 'bench-org')"
				);
				run(
					'WITH RECURSIVE gen(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM gen WHERE n + 1 < {:branches}) ' +
						'INSERT INTO branches (id, name, organisation, join_code) ' +
						"SELECT printf('b%014d', n), '第' || (n + 1) || '支部', 'obench000000000', printf('BENCH%04d', n) FROM gen",
					{ branches: body.branches }
				);
				// Lessons as the server grades them: one single-choice question keyed A each.
				run(
					'WITH RECURSIVE gen(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM gen WHERE n + 1 < {:lessons}) ' +
						'INSERT INTO lessons (id, lesson_id, title, category, track, minutes, credits, hash, questions, source) ' +
						"SELECT printf('l%014d', n), printf('bench-lesson-%04d', n), '基准课程 ' || n, '基准', 'required', 2, NULL, 'h', " +
						"json_array(json_object('id', printf('bq%04d', n), 'number', 1, 'type', 'single', 'stem', '题干', " +
						"'explanation', '', 'line', 1, 'options', json_array(json_object('key', 'A', 'text', '甲'), " +
						"json_object('key', 'B', 'text', '乙')), 'answer', 'A')), 'builtin' FROM gen",
					{ lessons: body.lessons }
				);
			} else if (body.step === 'members') {
				// Every member gets the template member's password hash: one bcrypt for all.
				run(
					'WITH RECURSIVE gen(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM gen WHERE n + 1 < {:members}) ' +
						'INSERT INTO users (id, email, emailVisibility, verified, password, tokenKey, name, avatar, created, updated, branch, role, hide_name) ' +
						"SELECT printf('m%014d', n), printf('m%05d@bench.test', n), 0, 1, " +
						'(SELECT password FROM users WHERE id = {:template}), lower(hex(randomblob(16))), ' +
						"'成员' || n, '', strftime('%Y-%m-%d %H:%M:%fZ', 'now', printf('-%d seconds', n)), " +
						"strftime('%Y-%m-%d %H:%M:%fZ', 'now'), printf('b%014d', n % {:branches}), 'member', n % 10 = 0 FROM gen",
					{ members: body.members, branches: body.branches, template: body.template }
				);
			} else if (body.step === 'events') {
				// Member u's k-th event (n = u * perMember + k: member by member, so the indexes on
				// (user, …) grow at one place at a time), on a past server day: even k completes
				// a lesson (2 points), odd k answers its question (1 point; every fifth one wrong).
				// Members differ in how long their history is spread over (25 to 100 days back), so
				// at most four events fall on one member's day and no daily cap applies.
				// Bulk load: drop the secondary indexes, insert, build them again (sorting once is
				// far cheaper than a million scattered B-tree inserts).
				const indexes = arrayOf(new DynamicModel({ name: '', sql: '' }));
				tx.db()
					.newQuery(
						"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL"
					)
					.all(indexes);
				indexes.forEach((i) => run('DROP INDEX `' + i.name + '`'));
				run(
					'WITH RECURSIVE gen(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM gen WHERE n + 1 < {:events}), ' +
						'e AS (SELECT n, n / {:perMember} AS u, n % {:perMember} AS k FROM gen), ' +
						"t AS (SELECT n, u, k, julianday('now', printf('-%d days', 1 + (k * (1 + u % 4)) / 4), printf('-%d seconds', u % 3600)) AS at, " +
						"printf('bench-lesson-%04d', {:lessonFrom} + (u + k / 2) % {:lessons}) AS lesson, " +
						"printf('bq%04d', {:lessonFrom} + (u + k / 2) % {:lessons}) AS question, k % 2 = 0 AS completed, n % 5 = 0 AS wrong FROM e) " +
						'INSERT INTO events (id, event_id, user, branch, device, type, payload, client_at, server_day, status, points, reason, subject, created) ' +
						"SELECT printf('e%014d', n), printf('00000000-0000-7000-8000-%012x', n), printf('m%014d', u), " +
						"(SELECT branch FROM users WHERE users.id = printf('m%014d', u)), 'bench-seed', " +
						"CASE WHEN completed THEN 'lesson.completed' ELSE 'quiz.answered' END, " +
						"CASE WHEN completed THEN json_object('lessonId', lesson, 'hash', 'h', 'seconds', 300, 'readRatio', 1) " +
						"ELSE json_object('lessonId', lesson, 'questionId', question, 'answer', json_array(CASE WHEN wrong THEN 'B' ELSE 'A' END)) END, " +
						"CAST((at - 2440587.5) * 86400000 AS INTEGER), date(at, '+8 hours'), 'accepted', " +
						"CASE WHEN completed THEN 2 WHEN wrong THEN 0 ELSE 1 END, CASE WHEN NOT completed AND wrong THEN 'wrong-answer' ELSE '' END, " +
						"CASE WHEN completed THEN lesson ELSE question END, strftime('%Y-%m-%d %H:%M:%fZ', at) FROM t",
					{
						events: body.events,
						perMember: Math.ceil(body.events / body.members),
						lessonFrom: body.lessonFrom,
						lessons: body.lessons
					}
				);
				out.insertMs = Date.now() - started;
				indexes.forEach((i) => run(i.sql));
				out.indexMs = Date.now() - started - out.insertMs;
				// Totals rebuilt from every event (seeded and ingested): all time, ISO week, month,
				// keyed as the rules' periodsOf keys them (server days are already Beijing days).
				// Points per member and day first, then each day's period keys computed once.
				const totalsStarted = Date.now();
				run(
					'CREATE TEMP TABLE bench_days AS SELECT user, server_day AS day, SUM(points) AS points ' +
						'FROM events WHERE points > 0 GROUP BY user, server_day'
				);
				run(
					"CREATE TEMP TABLE bench_keys AS SELECT DISTINCT day, 'w' || strftime('%G-%V', day) AS week, " +
						"'m' || substr(day, 1, 7) AS month FROM bench_days"
				);
				run('DELETE FROM point_totals');
				run(
					'INSERT INTO point_totals (id, user, branch, organisation, period, points) ' +
						"SELECT printf('t%014d', row_number() OVER ()), s.user, u.branch, COALESCE(b.organisation, ''), s.period, s.points FROM (" +
						"SELECT user, 'all' AS period, SUM(points) AS points FROM bench_days GROUP BY user " +
						'UNION ALL SELECT d.user, k.week, SUM(d.points) FROM bench_days d JOIN bench_keys k ON k.day = d.day GROUP BY 1, 2 ' +
						'UNION ALL SELECT d.user, k.month, SUM(d.points) FROM bench_days d JOIN bench_keys k ON k.day = d.day GROUP BY 1, 2' +
						') s JOIN users u ON u.id = s.user LEFT JOIN branches b ON b.id = u.branch'
				);
				run('DROP TABLE bench_days');
				run('DROP TABLE bench_keys');
				out.totalsMs = Date.now() - totalsStarted;
			}
		});
		if (body.step === 'board-sql') {
			// The leaderboard's two statements (as lib/boards.js has them), timed in SQLite alone
			// (mean of 21 runs), with the branch ranking's query plan.
			const params = { period: body.period, branch: 'b00000000000001', org: 'obench000000000' };
			const time = (sql) => {
				const t = Date.now();
				for (let i = 0; i < 21; i++) {
					const rows = arrayOf(new DynamicModel({ id: '' }));
					e.app.db().newQuery(sql).bind(params).all(rows);
				}
				return (Date.now() - t) / 21;
			};
			const plan = (sql) => {
				const rows = arrayOf(new DynamicModel({ detail: '' }));
				e.app
					.db()
					.newQuery('EXPLAIN QUERY PLAN ' + sql)
					.bind(params)
					.all(rows);
				return rows.map((r) => r.detail).join(' | ');
			};
			const { MEMBERS_SQL, BRANCHES_SQL } = require(`${__hooks}/lib/boards.js`);
			out.membersMs = time(MEMBERS_SQL);
			out.branchesMs = time(BRANCHES_SQL);
			out.branchesPlan = plan(BRANCHES_SQL);
		}
		out.ms = Date.now() - started;
		if (body.step === 'events') {
			out.events = count(e.app, 'SELECT COUNT(*) AS n FROM events');
			out.totals = count(e.app, 'SELECT COUNT(*) AS n FROM point_totals');
			out.eventPoints = count(e.app, 'SELECT COALESCE(SUM(points), 0) AS n FROM events');
			out.totalPoints = count(
				e.app,
				"SELECT COALESCE(SUM(points), 0) AS n FROM point_totals WHERE period = 'all'"
			);
		}
		return e.json(200, out);
	},
	$apis.requireSuperuserAuth()
);
