/** Instants cross the database edge as Dates (read) and ISO strings (written); inside, epoch ms. */
export const msOrNull = (date: Date | null): number | null =>
  date === null ? null : date.getTime();

export const isoOrNull = (instant: number | null): string | null =>
  instant === null ? null : new Date(instant).toISOString();
