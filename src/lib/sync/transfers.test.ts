import { describe, expect, it } from 'vitest';
import { movedTo } from './transfers';

const row = (type: string, payload: Record<string, unknown> = {}, user = 'u1') => ({
	type,
	user,
	payload
});

describe('following an accepted move', () => {
	const me = { id: 'u1', branch: 'b1' };

	it('names the branch of the latest move when the device still has the old one', () => {
		const ledger = [
			row('lesson.completed'),
			row('transfer.accepted', { fromBranch: 'b1', toBranch: 'b2' }),
			row('transfer.accepted', { fromBranch: 'b0', toBranch: 'b1' })
		];
		expect(movedTo(ledger, me)).toBe('b2');
	});

	it('is null once the device has the branch, with no move, or for another member’s', () => {
		expect(movedTo([row('transfer.accepted', { toBranch: 'b1' })], me)).toBeNull();
		expect(movedTo([row('lesson.completed')], me)).toBeNull();
		expect(movedTo([row('transfer.accepted', { toBranch: 'b2' }, 'u2')], me)).toBeNull();
	});
});
