/** Lesson and question-bank text: parse, validate, render safely. Imports nothing of the app. */
export { buildContent, formatProblem, kindOf, parseBank, bankId } from './build';
export type { ContentBundle } from './build';
export { parseLesson, estimateMinutes, normaliseText } from './lesson';
export { parseQuestions, parseLetters, parseTrueFalse, countBlanks } from './bank';
export { renderMarkdown, escapeHtml, safeUrl } from './markdown';
export { questionId, shortHash } from './hash';
export type * from './types';
export { contentUrls, fetchIndex, fetchLesson } from './pack';
export type { ContentIndex } from './pack';
