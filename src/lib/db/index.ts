/** The one Dexie database: schema, versions and table helpers. */
export { GongxueDb } from './schema';
export type {
	AnswerRow,
	AttemptRow,
	CacheRow,
	EventType,
	LedgerRow,
	MetaRow,
	MistakeRow,
	OutboxRow,
	PracticeBank,
	PracticeRow,
	ProgressRow
} from './schema';
export * from './progress';
export * from './practice';
export { storageProblem, type StorageProblem } from './errors';
