import {
  ExpiryPolicy,
  formatRedemptionCode,
  normalizeRedemptionCode,
  REDEMPTION_CODE_PATTERN,
  REDEMPTION_STATUSES,
  RedemptionStatus,
} from '@yizhan/contracts';
import {
  EXPIRES_END_OF_NEXT_YEAR,
  formatCode,
  isRedemptionCode,
  normalizeCode,
  REDEMPTION_STATES,
  RedemptionState,
} from './redemption-code';

// The client's copies must stay the contract's (see the module comment for why they exist).
describe('redemption values mirrored from the contract', () => {
  const inputs = [
    '123456789012',
    '1234 5678 9012',
    '1234-5678-9012',
    ' 1234\t5678-9012 ',
    '12345678901',
    '1234567890123',
    '12345678901a',
    '１２３４５６７８９０１２',
    '',
    '1234 5678 90',
  ];

  it.each(inputs.map((input) => [input]))('normalises %j as the contract does', (input) => {
    expect(normalizeCode(input)).toBe(normalizeRedemptionCode(input));
  });

  it.each(inputs.map((input) => [input]))('accepts %j as the contract does', (input) => {
    const code = normalizeCode(input);
    expect(isRedemptionCode(code)).toBe(REDEMPTION_CODE_PATTERN.test(code));
  });

  it.each(['123456789012', '1234', '12345', '1234567890123'].map((code) => [code]))(
    'formats %j as the contract does',
    (code) => {
      expect(formatCode(code)).toBe(formatRedemptionCode(code));
    },
  );

  it('has the contract statuses, in its order', () => {
    expect(RedemptionState).toEqual(RedemptionStatus);
    expect(REDEMPTION_STATES).toEqual(REDEMPTION_STATUSES);
    expect(EXPIRES_END_OF_NEXT_YEAR).toBe(ExpiryPolicy.EndOfNextYear);
  });
});
