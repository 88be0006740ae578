import type { ApprovalView } from '@retention/contracts';
import { sortApprovals } from './approvals.page';

const a = (id: string, status: ApprovalView['status'], requestedAt: string, decidedAt: string | null = null): ApprovalView => ({
  id,
  requestId: 'r',
  caseId: null,
  accountNumber: 'A1',
  subscriberName: 'S',
  offerCode: 'discount_30_6m',
  discountPercent: 30,
  requestedBy: 'Olena',
  requestedAt,
  status,
  decidedBy: null,
  decidedAt,
  note: '',
  monthlyRevenue: 500,
  ltv: 12000,
});

describe('sortApprovals', () => {
  it('puts pending ones first, the longest waiting on top, then the decided ones newest first', () => {
    const sorted = sortApprovals([
      a('old-decided', 'approved', '2026-11-20T10:00:00Z', '2026-11-20T11:00:00Z'),
      a('new-pending', 'pending', '2026-11-23T10:05:00Z'),
      a('new-decided', 'rejected', '2026-11-22T10:00:00Z', '2026-11-22T12:00:00Z'),
      a('old-pending', 'pending', '2026-11-23T09:55:00Z'),
    ]);
    expect(sorted.map((x) => x.id)).toEqual(['old-pending', 'new-pending', 'new-decided', 'old-decided']);
  });
});
