import { REDEMPTION_CODE_LENGTH } from '@yizhan/contracts';
import { randomInt } from 'node:crypto';

/**
 * A fresh one-time code: 12 digits from the CSPRNG (~40 bits). Digits rather than letters
 * because they are read aloud and typed on a number pad at a busy counter; guessing is defeated
 * by rate limits on verify (see redemption-guesses.ts), not by length alone.
 */
export function newRedemptionCode(): string {
  let code = '';
  for (let i = 0; i < REDEMPTION_CODE_LENGTH; i++) code += String(randomInt(10));
  return code;
}
