import { RoutingError, RoutingErrorCode } from '@switchboard/routing';
import type { EntityManager } from 'typeorm';
import type { RoutingCommandPublisher } from '../../commands/routing-command.publisher';
import type { ConfigTransaction } from '../shared/config-transaction';
import type {
  QueueCatalogueRepository,
  QueueRecord,
  QueueUsage,
} from '../shared/queue-catalogue.repository';
import { deleteQueueCommand } from './delete-queue.command';
import { DeleteQueueUseCase, describeUsage } from './delete-queue.use-case';

const tenantId = '5f0c6a8e-7d2b-4a53-9a53-0a3b9a1d2c11';
const commandId = '9b1f1c2e-3d4a-4b5c-8d6e-7f8091a2b3c4';
const unused: QueueUsage = { conversations: 0, rules: [], overflowFrom: [], isDefault: false };
const general: QueueRecord = {
  id: 'general',
  name: 'General',
  definition: {
    id: 'general',
    priority: 0,
    requiredSkills: [],
    optionalSkills: [],
    strategy: 'longest_idle',
    widening: [],
    offerTimeoutSeconds: 30,
    autoAccept: false,
    affinity: { windowSeconds: 0, waitSeconds: 0 },
  },
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

describe('describeUsage', () => {
  it('says what still refers to the queue', () => {
    expect(
      describeUsage({
        conversations: 2,
        rules: ['vip', 'spanish'],
        overflowFrom: ['billing'],
        isDefault: true,
      }),
    ).toBe(
      '2 conversations are in it; rules vip, spanish route to it; queue billing overflows into it; it is the default queue',
    );
    expect(describeUsage({ ...unused, conversations: 1, rules: ['vip'] })).toBe(
      '1 conversation is in it; rule vip routes to it',
    );
    expect(describeUsage(unused)).toBeNull();
  });
});

describe('DeleteQueueUseCase', () => {
  const transaction = {
    run: (_tenant: string, work: (m: EntityManager) => Promise<unknown>) =>
      work({} as EntityManager),
  } as ConfigTransaction;

  /** A catalogue holding `general`, and a router that answers the deletion with `outcome`. */
  function setUp(
    usage: QueueUsage,
    outcome: Awaited<ReturnType<RoutingCommandPublisher['sendAndWait']>>['outcome'],
  ) {
    const rows = new Map([['general', general]]);
    const queues = {
      find: async (_tenant: string, id: string) => rows.get(id) ?? null,
      usage: async () => usage,
      delete: async (_m: EntityManager, _tenant: string, id: string) => {
        const row = rows.get(id) ?? null;
        rows.delete(id);
        return row;
      },
      reinstate: async (_m: EntityManager, _tenant: string, queue: QueueRecord) =>
        void rows.set(queue.id, queue),
    } as unknown as QueueCatalogueRepository;
    const sent: unknown[] = [];
    const commands = {
      sendAndWait: async (...args: unknown[]) => {
        sent.push(args);
        return { commandId, outcome };
      },
    } as unknown as RoutingCommandPublisher;
    return { useCase: new DeleteQueueUseCase(transaction, queues, commands), rows, sent };
  }

  const command = deleteQueueCommand({ tenantId, queueId: 'general' });

  it('deletes the row, then has the owning router forget the queue', async () => {
    const { useCase, rows, sent } = setUp(unused, { status: 'applied' });
    await expect(useCase.execute(command)).resolves.toEqual({ status: 'applied' });
    expect(rows.has('general')).toBe(false);
    expect(sent).toEqual([
      [tenantId, 'routing.config_changed', { subject: 'queue', id: 'general' }],
    ]);
  });

  it('refuses a queue still referred to, before deleting or sending anything', async () => {
    const { useCase, rows, sent } = setUp({ ...unused, isDefault: true }, { status: 'applied' });
    await expect(useCase.execute(command)).rejects.toMatchObject({
      code: RoutingErrorCode.QueueInUse,
      message: 'Queue general is in use: it is the default queue',
    });
    expect(rows.has('general')).toBe(true);
    expect(sent).toEqual([]);
  });

  it('puts the queue back when work entered it before the router applied the deletion', async () => {
    const { useCase, rows } = setUp(unused, {
      status: 'refused',
      code: 'queue_in_use',
      message: 'queue general still holds conversations',
    });
    await expect(useCase.execute(command)).rejects.toBeInstanceOf(RoutingError);
    expect(rows.get('general')).toEqual(general);
  });

  it('reports a deletion the router has not applied yet as pending', async () => {
    const { useCase, rows } = setUp(unused, { status: 'pending' });
    await expect(useCase.execute(command)).resolves.toEqual({ status: 'pending', commandId });
    expect(rows.has('general')).toBe(false);
  });

  it('says when there is no such queue', async () => {
    const { useCase } = setUp(unused, { status: 'applied' });
    await expect(
      useCase.execute(deleteQueueCommand({ tenantId, queueId: 'nowhere' })),
    ).rejects.toMatchObject({ code: RoutingErrorCode.UnknownQueue });
  });
});
