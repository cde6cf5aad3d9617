/** Shared state the UI reads. Components import from here, never from Dexie or PocketBase. */
export { storage } from './storage.svelte';
export { progress } from './progress.svelte';
export { QuizSession, type QuizPhase } from './quiz.svelte';
export { appUpdate } from './app-update.svelte';
export {
	today,
	filterLessons,
	filterFromQuery,
	filterToQuery,
	categoriesOf,
	type Today,
	type LessonFilter
} from './today';
export { install } from './install.svelte';
export { account, type Member, type Board, type AuthProblem } from './account.svelte';
export { library } from './library.svelte';
export { dueSoon, DUE_SOON_DAYS, accuracyByCategory, suggestLessons } from './today';
