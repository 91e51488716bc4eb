import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  formatRedemptionCode,
  normalizeRedemptionCode,
  REDEMPTION_CODE_PATTERN,
} from '../src/redemption-code';

describe('redemption code values', () => {
  it.each([
    ['123456789012', '123456789012', true],
    ['1234 5678 9012', '123456789012', true],
    ['1234-5678-9012', '123456789012', true],
    [' 1234\t5678-9012 ', '123456789012', true],
    ['12345678901', '12345678901', false],
    ['1234567890123', '1234567890123', false],
    ['12345678901a', '12345678901a', false],
    ['１２３４５６７８９０１２', '１２３４５６７８９０１２', false],
    ['', '', false],
    ['1234 5678 90', '1234567890', false],
  ])('normalises %j to %j (a code: %s)', (input, normalised, valid) => {
    expect(normalizeRedemptionCode(input)).toBe(normalised);
    expect(REDEMPTION_CODE_PATTERN.test(normalizeRedemptionCode(input))).toBe(valid);
  });

  it.each([
    ['123456789012', '1234 5678 9012'],
    ['1234', '1234'],
    ['12345', '1234 5'],
    ['1234567890123', '1234 5678 9012 3'],
  ])('formats %j as %j', (code, shown) => {
    expect(formatRedemptionCode(code)).toBe(shown);
  });

  // The client imports these at run time; a DTO class (decorators) here would need reflect-metadata.
  it.each(['redemption-code.ts', 'points-values.ts'])('%s imports nothing', (file) => {
    const source = readFileSync(join(__dirname, '..', 'src', file), 'utf8');
    expect(source).not.toMatch(/^import /m);
  });
});
