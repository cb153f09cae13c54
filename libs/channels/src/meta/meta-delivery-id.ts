import { createHash } from 'node:crypto';

/**
 * Meta has no delivery id, so one is derived from what the POST carries: the item key
 * itself when there is one (readable in logs), a hash of the sorted keys for a batch (a
 * joined list of 1,000 wamids would be too long to store), and a hash of the bytes when
 * nothing in it has an id. A retry of the same POST gets the same id and is accepted once.
 * `account` is set when a batch is split per account, so the slices' ids never collide.
 */
export function metaDeliveryId(
  keys: ReadonlyArray<string | null>,
  rawBody: Buffer,
  account = '',
): string {
  const unique = [...new Set(keys.filter((key): key is string => key !== null))].sort();
  if (unique.length === 1) return unique[0]!;
  if (unique.length > 1) return `batch:${sha256Hex(account, unique.join('\n'))}`;
  return `body:${sha256Hex(account, rawBody)}`;
}

function sha256Hex(account: string, data: string | Buffer): string {
  const hash = createHash('sha256');
  if (account !== '') hash.update(`${account}\n`);
  return hash.update(data).digest('hex');
}
