import { RoutingError } from '@switchboard/routing';
import type { EntityManager } from 'typeorm';
import type { RoutingCommandPublisher } from '../../commands/routing-command.publisher';
import type { AgentDirectoryRepository, AgentRecord } from '../shared/agent-directory.repository';
import type { ConfigTransaction } from '../shared/config-transaction';
import { RoutingApiErrorCode } from '../shared/routing-api.exception';
import type { SkillCatalogueRepository } from '../shared/skill-catalogue.repository';
import { putAgentCommand } from './put-agent.command';
import { PutAgentUseCase } from './put-agent.use-case';

const tenantId = '5f0c6a8e-7d2b-4a53-9a53-0a3b9a1d2c11';
const commandId = '9b1f1c2e-3d4a-4b5c-8d6e-7f8091a2b3c4';

describe('PutAgentUseCase', () => {
  /** A directory and catalogue in memory; `steps` records writes and commands in order. */
  function setUp(catalogue: string[]) {
    const steps: string[] = [];
    const rows = new Map<string, AgentRecord>();
    const transaction = {
      run: (_tenant: string, work: (m: EntityManager) => Promise<unknown>) =>
        work({} as EntityManager),
    } as ConfigTransaction;
    const skills = {
      missing: async (_tenant: string, names: string[]) =>
        names.filter((name) => !catalogue.includes(name)),
    } as unknown as SkillCatalogueRepository;
    const agents = {
      upsert: async (_m: EntityManager, tenant: string, id: string, agent: AgentRecord) => {
        steps.push(`write ${tenant}/${id}`);
        const created = !rows.has(id);
        rows.set(id, {
          ...agent,
          id,
          presence: 'offline',
          connected: true,
          disconnectedAt: null,
          createdAt: new Date(0),
          updatedAt: new Date(0),
        });
        return { created };
      },
      find: async (_tenant: string, id: string) => rows.get(id) ?? null,
      heldWork: async () => [{ agentId: 'ada', state: 'assigned', channel: 'api', count: 1 }],
    } as unknown as AgentDirectoryRepository;
    const commands = {
      sendAndWait: async (tenant: string, type: string, data: { subject: string; id: string }) => {
        steps.push(`${type} ${tenant}/${data.subject}/${data.id}`);
        return { commandId, outcome: { status: 'applied' } };
      },
    } as unknown as RoutingCommandPublisher;
    return { useCase: new PutAgentUseCase(transaction, agents, skills, commands), steps };
  }

  const ada = putAgentCommand({
    tenantId,
    agentId: 'ada',
    agent: { name: 'Ada', skills: { billing: 5 }, capacity: { totalUnits: 2 } },
  });

  it('stores the profile, then has the router apply it, then answers the agent with its load', async () => {
    const { useCase, steps } = setUp(['billing']);
    const first = await useCase.execute(ada);
    expect(first).toMatchObject({
      created: true,
      routing: { status: 'applied' },
      agent: { id: 'ada', name: 'Ada', load: { assigned: 1, usedUnits: 1, totalUnits: 2 } },
    });
    expect((await useCase.execute(ada)).created).toBe(false);
    expect(steps).toEqual([
      `write ${tenantId}/ada`,
      `routing.config_changed ${tenantId}/agent/ada`,
      `write ${tenantId}/ada`,
      `routing.config_changed ${tenantId}/agent/ada`,
    ]);
  });

  it('refuses skills missing from the catalogue, naming each, and writes nothing', async () => {
    const { useCase, steps } = setUp([]);
    await expect(useCase.execute(ada)).rejects.toMatchObject({
      code: RoutingApiErrorCode.InvalidReference,
      fields: [{ field: 'skills.billing', problem: 'no skill billing in the catalogue' }],
    });
    expect(steps).toEqual([]);
  });

  it('refuses what the engine could not route by, before touching the database', async () => {
    const { useCase, steps } = setUp(['billing']);
    const broken = { ...ada, agent: { ...ada.agent, capacity: { totalUnits: -1 } } };
    await expect(useCase.execute(broken)).rejects.toBeInstanceOf(RoutingError);
    expect(steps).toEqual([]);
  });
});
