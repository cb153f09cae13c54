import { detectLanguage } from './detect-language';

describe('detectLanguage', () => {
  it.each([
    ['My order has not arrived yet and I would like to know where it is.', 'eng'],
    ['Mi pedido todavía no ha llegado y quisiera saber dónde está, por favor.', 'spa'],
    ["Ma commande n'est toujours pas arrivée et je voudrais savoir où elle est.", 'fra'],
    ['Meine Bestellung ist noch nicht angekommen und ich möchte wissen, wo sie ist.', 'deu'],
  ])('recognises %s', (text, code) => {
    expect(detectLanguage(text)).toBe(code);
  });

  it('does not guess on short messages', () => {
    expect(detectLanguage('ok thanks!')).toBeNull();
    expect(detectLanguage('👍👍👍 1234567890 1234567890 1234567890')).toBeNull();
  });
});
