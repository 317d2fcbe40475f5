/** Identifiers and timestamps: the only place the server makes randomness or reads the clock for records. */
import { randomInt } from 'node:crypto';

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALPHANUMERIC = `0123456789${LETTERS}`;

/** A new DHIS2-compatible UID: a letter followed by 10 letters or digits. */
export function generateUid(): string {
  let uid = LETTERS[randomInt(LETTERS.length)];
  for (let i = 0; i < 10; i++) {
    uid += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  }
  return uid;
}

/** The current instant as ISO-8601 UTC text, the form every timestamp column holds. */
export function nowIso(): string {
  return new Date().toISOString();
}
