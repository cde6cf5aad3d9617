/** The point rules: what an event is worth, daily caps, server time. Pure; shared with the server hooks. */
export * from './engine';
export * from './service';
export { estimatePending, type PendingEstimate } from './estimate';
export * from './targets';
export * from './record';
