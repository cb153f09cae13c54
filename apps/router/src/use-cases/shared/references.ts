/** A name a definition refers to, and the request field that holds it. */
export interface Reference {
  readonly field: string;
  readonly id: string;
}

/** The problems of the references whose id is among `missing`, one per field. */
export function unresolved(
  references: readonly Reference[],
  missing: readonly string[],
  problem: (id: string) => string,
): { field: string; problem: string }[] {
  const absent = new Set(missing);
  return references
    .filter((reference) => absent.has(reference.id))
    .map((reference) => ({ field: reference.field, problem: problem(reference.id) }));
}

export const unknownSkill = (skill: string): string => `no skill ${skill} in the catalogue`;
export const unknownQueue = (queueId: string): string => `no queue ${queueId}`;
