import { describe, expect, it } from 'vitest';
import { fileStem } from './download.ts';

describe('fileStem', () => {
  it('keeps letters and digits, drops accents, joins words with dashes', () => {
    expect(fileStem('ANC 4th visit coverage', 'Région Nord', 'spc')).toBe(
      'anc-4th-visit-coverage-region-nord-spc',
    );
    expect(fileStem('***')).toBe('chart');
  });
});
