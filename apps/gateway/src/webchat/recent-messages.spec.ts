import { RecentMessages } from './recent-messages';

type Ack = { ok: true; id: string } | { ok: false };

describe('RecentMessages', () => {
  it('answers a resend of an accepted message without sending it again', async () => {
    const recent = new RecentMessages<Ack>();
    const send = jest.fn(async (): Promise<Ack> => ({ ok: true, id: 'm1' }));
    expect(await recent.once('c1', send)).toEqual({ ok: true, id: 'm1' });
    expect(await recent.once('c1', send)).toEqual({ ok: true, id: 'm1' });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('lets a duplicate sent while the first is in flight wait for the same answer', async () => {
    const recent = new RecentMessages<Ack>();
    let finish: (ack: Ack) => void = () => undefined;
    const send = jest.fn(() => new Promise<Ack>((resolve) => (finish = resolve)));
    const first = recent.once('c1', send);
    const second = recent.once('c1', send);
    finish({ ok: true, id: 'm1' });
    expect(await Promise.all([first, second])).toEqual([
      { ok: true, id: 'm1' },
      { ok: true, id: 'm1' },
    ]);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failed answer or a thrown error', async () => {
    const recent = new RecentMessages<Ack>();
    expect(await recent.once('c1', async () => ({ ok: false }))).toEqual({ ok: false });
    await expect(
      recent.once('c2', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const send = jest.fn(async (): Promise<Ack> => ({ ok: true, id: 'm' }));
    await recent.once('c1', send);
    await recent.once('c2', send);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('keeps only the most recent ids', async () => {
    const recent = new RecentMessages<Ack>(2);
    const send = jest.fn(async (): Promise<Ack> => ({ ok: true, id: 'm' }));
    for (const id of ['a', 'b', 'c']) await recent.once(id, send);
    await recent.once('c', send);
    await recent.once('b', send);
    expect(send).toHaveBeenCalledTimes(3);
    await recent.once('a', send);
    expect(send).toHaveBeenCalledTimes(4);
  });
});
