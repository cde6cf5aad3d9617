/** PocketBase client, outbox push, pull and reconciliation. The UI reaches it through $lib/state. */
export { createClient, apiUrl } from './client';
export { Syncer, backoffMs, type Phase, type SyncSnapshot } from './syncer';
export { pushBatch, toLedger, BATCH_SIZE } from './push';
export { pullLedger, pullTotals, reconcile, type Totals } from './pull';
export { classify, messageOf, statusOf, type Failure } from './errors';
export {
	pullLessons,
	pullAssignments,
	pullPracticeBanks,
	lessonOf,
	ASSIGNMENTS_KEY,
	PRACTICE_BANKS_KEY,
	type Assignment
} from './library';
export {
	listContests,
	playState,
	nextQuestion,
	sendAnswer,
	contestResults,
	watchContest,
	keepClock,
	contestTopic,
	branchNames,
	ownBanks,
	createContest,
	type NewContest,
	type LiveMessage,
	type ContestSummary,
	type OpenQuestion,
	type PlayState,
	type Board,
	type BoardMember,
	type BoardBranch,
	type Results,
	type ResultMember,
	type ResultAnswer
} from './contests';
export {
	pullCredits,
	branchRecords,
	CREDITS_KEY,
	type CreditYear,
	type BranchRecords
} from './credits';
export {
	ownActivities,
	newRecordId,
	sendActivity,
	deleteActivity,
	photoUrl,
	fileToken,
	branchActivities,
	reviewActivity,
	listMeetings,
	meetingOf,
	createMeeting,
	deleteMeeting,
	meetingQrPath,
	attendance,
	type ServiceRecord,
	type MeetingRecord,
	type SendFailure
} from './service';
export {
	ownTransfers,
	requestTransfer,
	cancelTransfer,
	incomingTransfers,
	outgoingTransfers,
	decideTransfer,
	refreshAccount,
	movedTo,
	type TransferRecord,
	type TransferStatus
} from './transfers';
