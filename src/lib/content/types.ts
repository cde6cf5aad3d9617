/** The shapes produced by the content parser; shared by the build, the browser and the server. */

export type QuestionType = 'single' | 'multiple' | 'truefalse' | 'fill';
export type Track = 'required' | 'elective';

/** A lettered option of a choice question. */
export interface Option {
	key: string;
	text: string;
}

interface QuestionBase {
	/** Stable id: a short hash of the normalised stem and options. */
	id: string;
	/** The number the author gave the question (used in messages: 第N题). */
	number: number;
	stem: string;
	explanation: string;
	/** 1-based line of the question's first line in its file. */
	line: number;
}

export interface SingleChoice extends QuestionBase {
	type: 'single';
	options: Option[];
	answer: string;
}

export interface MultipleChoice extends QuestionBase {
	type: 'multiple';
	options: Option[];
	/** Option keys in alphabetical order. */
	answer: string[];
}

export interface TrueFalse extends QuestionBase {
	type: 'truefalse';
	answer: boolean;
}

export interface FillIn extends QuestionBase {
	type: 'fill';
	/** One entry per blank, each the list of accepted answers. */
	blanks: string[][];
}

export type Question = SingleChoice | MultipleChoice | TrueFalse | FillIn;

/** A problem found in content, reported as `path:line: message`. */
export interface ContentProblem {
	path: string;
	line: number;
	message: string;
}

/** What a lesson list needs: everything but the body and the questions. */
export interface LessonMeta {
	id: string;
	title: string;
	summary: string;
	category: string;
	track: Track;
	/** Estimated study time in minutes. */
	minutes: number;
	/** Points for a first completion; null means the rules' default. */
	credits: number | null;
	tags: string[];
	audio: string | null;
	video: string | null;
	questionCount: number;
	/** Short hash of the source text; events carry it so the server knows what was studied. */
	hash: string;
	/** Position in the curriculum (files ordered by path). */
	order: number;
	/** Set on lessons published in the studio and pulled to the device; absent on built-in ones. */
	origin?: LessonOrigin;
}

/** Where a lesson published in the studio came from, as the server last said. */
export interface LessonOrigin {
	/** The server record's id (its media live under it). */
	record: string;
	/** official: a secretary's or admin's; shared: a member's 共享党课. */
	kind: 'official' | 'shared';
	/** 精品党课: a shared lesson above the rules' threshold of learners and accuracy. */
	featured: boolean;
	/** Distinct members who completed it. */
	learners: number;
	/** The server's last change (ISO time), the pull cursor. */
	updated: string;
}

export interface Lesson extends LessonMeta {
	/** Sanitised HTML of the body, quiz blocks removed. */
	html: string;
	questions: Question[];
}

export interface Bank {
	id: string;
	title: string;
	questions: Question[];
}

/** A text file handed to the parser. */
export interface SourceFile {
	path: string;
	text: string;
}
