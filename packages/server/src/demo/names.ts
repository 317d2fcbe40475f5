/**
 * Fictional, neutral place names built from syllables, each used once per country, so
 * regions, districts and facilities read plausibly without naming any real place.
 */
import type { Rng } from './rng.ts';

const ONSETS = [
  'b',
  'd',
  'f',
  'g',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'w',
  'y',
  'z',
  'ch',
  'nd',
  'mb',
];
const VOWELS = ['a', 'a', 'e', 'i', 'o', 'u'];
const ENDINGS = ['', '', '', 'n', 'ra', 'le', 'ko', 'wa', 'mbe', 'nga', 'si', 'to'];

/** Makes unique place names from one random stream. */
export class PlaceNames {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  /** A new name, e.g. `Kalomba`, never returned before by this generator. */
  next(): string {
    for (let attempt = 0; ; attempt++) {
      const syllables = 2 + (this.rng.chance(0.35) ? 1 : 0) + (attempt > 50 ? 1 : 0);
      let name = '';
      for (let i = 0; i < syllables; i++) {
        name += this.rng.pick(ONSETS) + this.rng.pick(VOWELS);
      }
      name += this.rng.pick(ENDINGS);
      name = name[0].toUpperCase() + name.slice(1);
      if (name.length >= 4 && !this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
  }
}

/** The code form of a name: `Kalomba` → `KALOMBA`. */
export function codeOf(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}
