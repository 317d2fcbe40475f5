import { describe, expect, it } from 'vitest';
import { pickInitialLocale } from './locales.ts';

describe('pickInitialLocale', () => {
  it('prefers the stored choice', () => {
    expect(pickInitialLocale('pt', ['fr-FR'])).toBe('pt');
  });
  it('falls back to the first supported browser language', () => {
    expect(pickInitialLocale(null, ['sw-KE', 'fr-SN', 'en'])).toBe('fr');
    expect(pickInitialLocale('xx', ['es-419'])).toBe('es');
  });
  it('ends with English', () => {
    expect(pickInitialLocale(null, ['sw'])).toBe('en');
  });
});
