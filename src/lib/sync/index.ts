/** PocketBase client, outbox push, pull and reconciliation. The UI reaches it through $lib/state. */
export { createClient, apiUrl } from './client';
export { Syncer, backoffMs, type Phase, type SyncSnapshot } from './syncer';
export { pushBatch, toLedger, BATCH_SIZE } from './push';
export { pullLedger, pullTotals, reconcile, type Totals } from './pull';
export { classify, messageOf, type Failure } from './errors';
