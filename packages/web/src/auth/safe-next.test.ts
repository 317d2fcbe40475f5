import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next.ts';

describe('safeNext', () => {
  it('follows paths inside the app', () => {
    expect(safeNext('/indicators/InAnc4Rate1?ou=OuDistA0001')).toBe(
      '/indicators/InAnc4Rate1?ou=OuDistA0001',
    );
  });
  it('refuses other sites and loops', () => {
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext('/login?next=/')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
