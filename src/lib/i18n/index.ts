import { zhCN } from './zh-CN';

/**
 * The message catalogue. zh-CN is the only language for now; another would be an object of the
 * same shape chosen here.
 */
export const m = zhCN;
export type Messages = typeof zhCN;
