import { JsonField } from './json-field';

/** The channels one Meta app delivers to one webhook URL, told apart by `object`. */
export type MetaChannel = 'whatsapp_cloud' | 'messenger' | 'instagram';

const CHANNEL_BY_OBJECT: Readonly<Record<string, MetaChannel>> = {
  whatsapp_business_account: 'whatsapp_cloud',
  page: 'messenger',
  instagram: 'instagram',
};

export interface MetaEnvelope {
  channel: MetaChannel;
  entries: JsonField[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes the body and its `object` / `entry[]` frame; everything else is read lazily. */
export function readMetaEnvelope(rawBody: Buffer): MetaEnvelope {
  const root = JsonField.root(decodeJson(rawBody)).object();
  const object = root.at('object').string(64);
  const channel = Object.hasOwn(CHANNEL_BY_OBJECT, object) ? CHANNEL_BY_OBJECT[object] : undefined;
  if (channel === undefined) throw root.at('object').error(`unsupported object "${object}"`);
  return { channel, entries: root.at('entry').array() };
}

function decodeJson(rawBody: Buffer): unknown {
  let text: string;
  try {
    text = utf8.decode(rawBody);
  } catch {
    throw JsonField.root(undefined).error('is not valid UTF-8');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw JsonField.root(undefined).error('is not valid JSON');
  }
}
