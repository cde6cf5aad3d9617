import { describe, expect, it } from 'vitest';
import { columnsOf } from './export';
import {
	branchTable,
	csvTable,
	dayLabel,
	fileName,
	isEmptyBranch,
	isOverview,
	lessonTable,
	memberTable,
	missedTable,
	percent,
	relativeDay,
	stamp,
	tablesOf,
	weekStart,
	weekTable,
	type BranchReport,
	type OrgOverview
} from './report.svelte';
import { toCsv } from './csv';

/** A branch as the server reports it (times in UTC; China is UTC+8). */
const branch: BranchReport = {
	branch: { id: 'b1', name: '第一支部' },
	month: 'm2026-11',
	week: 'w2026-47',
	members: [
		{
			id: 'u1',
			name: '张三',
			role: 'secretary',
			required: { done: 2, total: 3 },
			pointsMonth: 12,
			pointsAll: 40,
			lastActive: '2026-11-22T00:10:00.000Z'
		},
		{
			id: 'u2',
			name: '李四, 小李',
			role: 'member',
			required: { done: 0, total: 3 },
			pointsMonth: 0,
			pointsAll: 0,
			lastActive: null
		}
	],
	lessons: [
		{
			lessonId: 'zhibu',
			title: '支部工作',
			assigned: true,
			due: '2026-11-30T15:59:00.000Z',
			completed: 0,
			of: 2
		},
		{ lessonId: 'lianjie', title: '廉洁自律', assigned: false, due: null, completed: 1, of: 2 }
	],
	missed: [
		{
			lessonId: 'dangzhang',
			lessonTitle: '党章学习',
			questionId: 'q1',
			number: 2,
			stem: '党的最高领导机关是（ ）。',
			answers: 3,
			wrong: 2,
			rate: 0.667
		}
	],
	weeks: [
		...Array.from({ length: 7 }, (_, i) => ({
			week: `w2026-${40 + i}`,
			events: 0,
			activeMembers: 0,
			points: 0
		})),
		{ week: 'w2026-47', events: 11, activeMembers: 2, points: 9 }
	]
};

const overview: OrgOverview = {
	organisation: { id: 'o1', name: '测试 组织' },
	month: 'm2026-11',
	week: 'w2026-47',
	branches: [
		{
			id: 'b1',
			name: '第一支部',
			members: 4,
			requiredDone: 2,
			requiredTotal: 12,
			pointsMonth: 9,
			activeThisWeek: 3
		},
		{
			id: 'b2',
			name: '第二支部',
			members: 2,
			requiredDone: 0,
			requiredTotal: 0,
			pointsMonth: 3,
			activeThisWeek: 1
		}
	]
};

describe('the export tables of a branch', () => {
	it('lists each member with required lessons, points and last activity in China time', () => {
		expect(memberTable(branch)).toEqual({
			name: '成员',
			rows: [
				['姓名', '角色', '已完成必修', '必修课程数', '本月积分', '累计积分', '最近学习时间'],
				['张三', '支部书记', 2, 3, 12, 40, '2026-11-22 08:10'],
				['李四, 小李', '党员', 0, 3, 0, 0, '从未']
			]
		});
	});

	it('lists lessons with required, due time and completion percentage', () => {
		expect(lessonTable(branch).rows).toEqual([
			['课程', '课程编号', '必修', '截止时间', '完成人数', '支部人数', '完成率（%）'],
			['支部工作', 'zhibu', '是', '2026-11-30 23:59', 0, 2, 0],
			['廉洁自律', 'lianjie', '否', '', 1, 2, 50]
		]);
	});

	it('lists the missed questions with their lesson and error rate', () => {
		expect(missedTable(branch).rows).toEqual([
			['题目', '课程', '题号', '作答次数', '答错次数', '错误率（%）'],
			['党的最高领导机关是（ ）。', '党章学习', 2, 3, 2, 67]
		]);
	});

	it('lists eight weeks, oldest first, with the Monday each starts on', () => {
		const rows = weekTable(branch).rows;
		expect(rows[0]).toEqual(['周次', '起始日期', '活跃人数', '学习记录数', '积分']);
		expect(rows).toHaveLength(9);
		expect(rows[1]).toEqual(['2026-40', '2026-09-28', 0, 0, 0]);
		expect(rows[8]).toEqual(['2026-47', '2026-11-16', 2, 11, 9]);
	});

	it('makes four sheets for Excel and the members table for CSV', () => {
		expect(tablesOf(branch).map((t) => t.name)).toEqual(['成员', '课程完成', '易错题', '每周活跃']);
		expect(csvTable(branch)).toEqual(memberTable(branch));
		expect(toCsv(csvTable(branch).rows)).toBe(
			'\uFEFF姓名,角色,已完成必修,必修课程数,本月积分,累计积分,最近学习时间\r\n' +
				'张三,支部书记,2,3,12,40,2026-11-22 08:10\r\n' +
				'"李四, 小李",党员,0,3,0,0,从未\r\n'
		);
	});

	it('names files after the branch and month', () => {
		expect(fileName(branch, 'csv')).toBe('支部概况-第一支部-2026-11.csv');
		expect(fileName(branch, 'xlsx')).toBe('支部概况-第一支部-2026-11.xlsx');
	});
});

describe('the export table of an organisation', () => {
	it('puts every branch side by side with its required completion percentage', () => {
		expect(isOverview(overview)).toBe(true);
		expect(isOverview(branch)).toBe(false);
		expect(branchTable(overview)).toEqual({
			name: '各支部',
			rows: [
				['支部', '人数', '已完成必修', '必修课程数', '必修完成率（%）', '本月积分', '本周活跃人数'],
				['第一支部', 4, 2, 12, 17, 9, 3],
				['第二支部', 2, 0, 0, 0, 3, 1]
			]
		});
		expect(tablesOf(overview)).toEqual([branchTable(overview)]);
		expect(csvTable(overview)).toEqual(branchTable(overview));
	});

	it('names files after the organisation, without spaces or path characters', () => {
		expect(fileName(overview, 'csv')).toBe('组织概况-测试_组织-2026-11.csv');
		expect(fileName({ ...overview, organisation: { id: 'o', name: 'a/b:c' } }, 'xlsx')).toBe(
			'组织概况-a_b_c-2026-11.xlsx'
		);
	});
});

describe('figures and times', () => {
	it('says how long ago in server days (China time)', () => {
		// 2026-11-22 10:00 in China.
		const now = Date.parse('2026-11-22T02:00:00Z');
		expect(relativeDay(null, now)).toBe('从未');
		expect(relativeDay('2026-11-21T16:30:00Z', now)).toBe('今天'); // 00:30 the same day
		expect(relativeDay('2026-11-21T15:30:00Z', now)).toBe('昨天'); // 23:30 the day before
		expect(relativeDay('2026-11-19T02:00:00Z', now)).toBe('3 天前');
		expect(relativeDay('2026-09-01T02:00:00Z', now)).toBe('2 个月前');
		expect(relativeDay('2024-11-01T02:00:00Z', now)).toBe('2 年前');
		// A device clock behind the server's never makes activity "in the future".
		expect(relativeDay('2026-11-23T02:00:00Z', now)).toBe('今天');
	});

	it('formats times and days on the server clock', () => {
		expect(stamp('2026-11-30T15:59:00.000Z')).toBe('2026-11-30 23:59');
		expect(stamp(null)).toBe('');
		expect(stamp('nonsense')).toBe('');
		expect(dayLabel('2026-11-30T16:30:00.000Z')).toBe('12月1日');
		expect(dayLabel(null)).toBe('');
	});

	it('finds the Monday of ISO weeks, across year ends', () => {
		expect(weekStart('w2026-01')).toBe('2025-12-29');
		expect(weekStart('w2026-47')).toBe('2026-11-16');
		expect(weekStart('w2020-53')).toBe('2020-12-28');
		expect(weekStart('m2026-11')).toBe('');
	});

	it('measures text in spreadsheet columns, Chinese characters two wide', () => {
		expect(columnsOf('2026-11-22 08:10')).toBe(16);
		expect(columnsOf('党员甲')).toBe(6);
		expect(columnsOf('完成率（%）')).toBe(11);
		expect(columnsOf(42)).toBe(2);
		expect(columnsOf(null)).toBe(0);
	});

	it('rounds percentages and guards against nothing to divide', () => {
		expect(percent(1, 3)).toBe(33);
		expect(percent(2, 3)).toBe(67);
		expect(percent(0, 0)).toBe(0);
	});

	it('calls a branch empty only without lessons, answers and events', () => {
		expect(isEmptyBranch(branch)).toBe(false);
		const quiet = {
			...branch,
			lessons: [],
			missed: [],
			weeks: branch.weeks.map((w) => ({ ...w, events: 0, activeMembers: 0, points: 0 }))
		};
		expect(isEmptyBranch(quiet)).toBe(true);
		expect(isEmptyBranch({ ...quiet, lessons: branch.lessons })).toBe(false);
	});
});
