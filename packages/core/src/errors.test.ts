import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors.ts';

describe('ValidationError.of', () => {
  it('names the row and field in its message and issue', () => {
    const error = ValidationError.of('value', 'not_a_number', 'expected a number, got "x"', 7);
    expect(error.message).toBe('Row 7, value: expected a number, got "x"');
    expect(error.issues).toEqual([
      { row: 7, field: 'value', code: 'not_a_number', message: 'expected a number, got "x"' },
    ]);
  });
});
