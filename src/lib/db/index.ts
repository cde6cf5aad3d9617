/** The one Dexie database: schema, versions and table helpers. */
export { GongxueDb } from './schema';
export type {
	AnswerRow,
	AttemptRow,
	CacheRow,
	EventType,
	LedgerRow,
	MetaRow,
	OutboxRow,
	ProgressRow
} from './schema';
export * from './progress';
export { storageProblem, type StorageProblem } from './errors';
