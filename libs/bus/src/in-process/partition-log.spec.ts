import { PartitionLog } from './partition-log';

const message = (value: string) => ({ key: 'k', value: Buffer.from(value), headers: {} });

describe('PartitionLog', () => {
  it('keeps offsets stable while it drops the oldest messages past its retention', () => {
    const log = new PartitionLog(10);
    for (let index = 0; index < 100; index++) expect(log.append(message(`m${index}`))).toBe(index);
    expect(log.endOffset).toBe(100);
    expect(log.firstOffset).toBeGreaterThanOrEqual(89);
    expect(log.read(99)?.value.toString()).toBe('m99');
    expect(log.read(log.firstOffset)?.value.toString()).toBe(`m${log.firstOffset}`);
    expect(log.read(0)).toBeUndefined();
  });
});
