import { describe, expect, it } from 'vitest';
import { en } from '../src/messages/en.js';
import { langFromEnv } from '../src/messages/index.js';
import { nb } from '../src/messages/nb.js';

describe('messages', () => {
  it('has every message in both bokmål and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nb).sort());
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
