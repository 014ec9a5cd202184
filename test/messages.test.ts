import { describe, expect, it } from 'vitest';
import { en } from '../src/messages/en.js';
import { langFromEnv, t } from '../src/messages/index.js';
import { nb } from '../src/messages/nb.js';

describe('messages', () => {
  it('has every message in both bokmål and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nb).sort());
  });

  it('refuses a message code that does not exist, when compiling (npm run typecheck) and when running', () => {
    // @ts-expect-error: 'render/wrot' is no message code; the type check fails if it ever compiles.
    expect(() => t('nb', 'render/wrot')).toThrow(/no nb message/);
    expect(t('nb', 'render/wrote', { file: 'a.pdf' })).toBe('skrev a.pdf');
  });

  it('chooses bokmål for Norwegian locales and English otherwise', () => {
    expect(langFromEnv({ LANG: 'nb_NO.UTF-8' })).toBe('nb');
    expect(langFromEnv({ LANG: 'nn_NO.UTF-8' })).toBe('nb');
    expect(langFromEnv({ LC_ALL: 'no_NO' })).toBe('nb');
    expect(langFromEnv({ LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'en_US.UTF-8', BOSOREPORT_LANG: 'nb' })).toBe('nb');
    expect(langFromEnv({ LC_ALL: 'de_DE.UTF-8', LANG: 'nb_NO.UTF-8' })).toBe('en');
  });
});
