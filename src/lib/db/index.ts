/** The one Dexie database: schema, versions and table helpers. */
export { GongxueDb } from './schema';
export type {
	AnswerRow,
	AttemptRow,
	CacheRow,
	CheckinRow,
	EventType,
	LedgerRow,
	MetaRow,
	MistakeRow,
	OutboxRow,
	PracticeBank,
	PracticeRow,
	ProgressRow,
	ServiceQueueRow
} from './schema';
export * from './progress';
export * from './practice';
export * from './service';
export * from './ledger';
export { storageProblem, type StorageProblem } from './errors';
