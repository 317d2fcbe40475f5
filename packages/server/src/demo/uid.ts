/**
 * Deterministic DHIS2-style UIDs for the demo: 11 characters, a letter then letters or digits,
 * derived from the seed and a stable name, so the same seed always gives the same ids.
 */
import { Rng } from './rng.ts';

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALPHANUMERIC = `0123456789${LETTERS}`;

/** The UID the demo gives to `name` under `seed`. */
export function demoUid(seed: number, name: string): string {
  const rng = Rng.from('uid', seed, name);
  let uid = LETTERS[rng.nextUint32() % LETTERS.length];
  for (let i = 0; i < 10; i++) {
    uid += ALPHANUMERIC[rng.nextUint32() % ALPHANUMERIC.length];
  }
  return uid;
}

/** Hands out UIDs by name and refuses two names that would share one. */
export class UidRegistry {
  private readonly byUid = new Map<string, string>();

  constructor(private readonly seed: number) {}

  /** The UID for `name` (the same name always gives the same UID). */
  uid(name: string): string {
    const uid = demoUid(this.seed, name);
    const owner = this.byUid.get(uid);
    if (owner !== undefined && owner !== name) {
      throw new Error(`Demo UID collision between "${owner}" and "${name}" (seed ${this.seed})`);
    }
    this.byUid.set(uid, name);
    return uid;
  }
}
