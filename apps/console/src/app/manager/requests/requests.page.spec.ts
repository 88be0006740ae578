import { parseStatuses } from './requests.page';

describe('parseStatuses', () => {
  it('reads the statuses from the URL in the lifecycle order', () => {
    expect(parseStatuses('resolved,new')).toEqual(['new', 'resolved']);
  });

  it('means every status when absent or unreadable', () => {
    expect(parseStatuses(undefined)).toEqual(['new', 'in_progress', 'postponed', 'resolved']);
    expect(parseStatuses('bogus')).toEqual(['new', 'in_progress', 'postponed', 'resolved']);
  });
});
