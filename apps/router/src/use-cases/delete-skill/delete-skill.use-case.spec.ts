import type { EntityManager } from 'typeorm';
import type { ConfigTransaction } from '../shared/config-transaction';
import { RoutingApiErrorCode } from '../shared/routing-api.exception';
import type { SkillCatalogueRepository, SkillUsers } from '../shared/skill-catalogue.repository';
import { deleteSkillCommand } from './delete-skill.command';
import { DeleteSkillUseCase, describeUsers } from './delete-skill.use-case';

const tenantId = '5f0c6a8e-7d2b-4a53-9a53-0a3b9a1d2c11';
const nobody: SkillUsers = { agents: [], queues: [], rules: [] };

describe('describeUsers', () => {
  it('names who uses the skill, by kind', () => {
    expect(describeUsers({ agents: ['ada', 'bob'], queues: ['billing'], rules: [] })).toBe(
      'agents ada, bob; queue billing',
    );
    expect(describeUsers({ ...nobody, rules: ['vip'] })).toBe('rule vip');
    expect(describeUsers(nobody)).toBeNull();
  });
});

describe('DeleteSkillUseCase', () => {
  const manager = {} as EntityManager;
  const transaction = {
    run: (_tenant: string, work: (m: EntityManager) => Promise<unknown>) => work(manager),
  } as ConfigTransaction;

  function useCase(users: SkillUsers, exists: boolean) {
    const deleted: string[] = [];
    const skills = {
      usersOf: async () => users,
      delete: async (_m: EntityManager, tenant: string, name: string) => {
        expect(tenant).toBe(tenantId);
        if (exists) deleted.push(name);
        return exists;
      },
    } as unknown as SkillCatalogueRepository;
    return { deleteSkill: new DeleteSkillUseCase(transaction, skills), deleted };
  }

  it('deletes a skill nothing uses', async () => {
    const { deleteSkill, deleted } = useCase(nobody, true);
    await deleteSkill.execute(deleteSkillCommand({ tenantId, name: 'billing' }));
    expect(deleted).toEqual(['billing']);
  });

  it('refuses one still in use, naming the users, and deletes nothing', async () => {
    const { deleteSkill, deleted } = useCase({ ...nobody, agents: ['ada'] }, true);
    await expect(
      deleteSkill.execute(deleteSkillCommand({ tenantId, name: 'billing' })),
    ).rejects.toMatchObject({
      code: RoutingApiErrorCode.SkillInUse,
      message: 'Skill billing is still used by agent ada',
    });
    expect(deleted).toEqual([]);
  });

  it('says when there is no such skill', async () => {
    const { deleteSkill } = useCase(nobody, false);
    await expect(
      deleteSkill.execute(deleteSkillCommand({ tenantId, name: 'billing' })),
    ).rejects.toMatchObject({ code: RoutingApiErrorCode.UnknownSkill });
  });
});
