/** Lesson and question-bank text: parse, validate, render safely. Imports nothing of the app. */
export { buildContent, formatProblem, kindOf, parseBank, bankId } from './build.ts';
export type { ContentBundle } from './build.ts';
export { parseLesson, estimateMinutes, normaliseText } from './lesson.ts';
export { parseQuestions, parseLetters, parseTrueFalse, countBlanks } from './bank.ts';
export { formatQuestions } from './bank-format.ts';
export { renderMarkdown, escapeHtml, safeUrl } from './markdown.ts';
export { questionId, shortHash } from './hash.ts';
export type * from './types.ts';
export { contentUrls, fetchIndex, fetchLesson } from './pack.ts';
export type { ContentIndex } from './pack.ts';
