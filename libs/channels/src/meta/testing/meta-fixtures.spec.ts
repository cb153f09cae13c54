import { createHash } from 'node:crypto';
import { fixture } from './meta-test-kit';

/**
 * The specs sign fixture bytes, so an accidental reformat (an editor, prettier) would make
 * them test something Meta never sent. Prefixes from shared/fixtures/SOURCES.md.
 */
const SHA256_PREFIXES: Record<string, string> = {
  'whatsapp/cloud_text.json': 'fcddcc48517d',
  'whatsapp/cloud_document_forwarded_caption.json': 'd494b8a57640',
  'whatsapp/cloud_reply_with_context.json': 'b1c0c205b670',
  'whatsapp/cloud_unsupported_type_error.json': 'd5a03ea58050',
  'whatsapp/cloud_status_failed.json': '173192172e0b',
  'messenger/page_text_quick_reply.json': '49dd3cee90be',
  'messenger/page_image_attachment.json': '26b324eda16e',
  'messenger/page_echo_sent_by_app_ignore.json': '38fe69bbf76c',
  'instagram/ig_text.json': '870e57260d1f',
  'instagram/ig_echo_sent_by_business_ignore.json': '0e6c29cb20d3',
  'x/crc_challenge_vector.json': '57d48d9893cd',
};

describe('Meta fixtures', () => {
  it.each(Object.entries(SHA256_PREFIXES))('%s is byte-identical to upstream', (path, prefix) => {
    expect(createHash('sha256').update(fixture(path)).digest('hex').slice(0, 12)).toBe(prefix);
  });
});
