import { unknownQueue, unresolved } from './references';

describe('unresolved', () => {
  it('names every field that holds a missing id, in the order given', () => {
    const references = [
      { field: '0.action.queueId', id: 'vip' },
      { field: '1.action.queueId', id: 'general' },
      { field: '2.action.queueId', id: 'vip' },
    ];
    expect(unresolved(references, ['vip'], unknownQueue)).toEqual([
      { field: '0.action.queueId', problem: 'no queue vip' },
      { field: '2.action.queueId', problem: 'no queue vip' },
    ]);
    expect(unresolved(references, [], unknownQueue)).toEqual([]);
  });
});
