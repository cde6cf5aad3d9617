// Lessons as the studio writes them, and the review route: shared by the studio's server tests.
import type PocketBase from 'pocketbase';
import { unique } from './harness';

/** A valid lesson file with one question, under a fresh id. */
export function lessonText(id = unique('l-').toLowerCase(), title = '支部工作三件事') {
	const text = `---
id: ${id}
title: ${title}
category: 组织生活
track: elective
minutes: 3
credits: 2
---

支部是党的基础组织。学习本课，了解支部日常工作。

\`\`\`quiz
1.【单选】党支部党员大会一般每季度召开（ ）次。
A. 1
B. 2
答案：A
\`\`\`
`;
	return { id, text };
}

/** POST /api/gongxue/lessons/{id}/review as `pb`. */
export const review = (pb: PocketBase, id: string, body: Record<string, unknown>) =>
	pb.send(`/api/gongxue/lessons/${id}/review`, { method: 'POST', body });
