/**
 * The kinds a block can be by its form: what classification gives the reading order and the page walk.
 */
import type { BylineParts } from './credits.js';
import type { Block } from './page.js';

/** What a block is by its form alone; the page walk (assembler.ts) decides the rest from context. */
export type BlockKind =
  | { kind: 'folio'; page: number; section: string | null }
  | { kind: 'furniture' }
  | { kind: 'photo-slot' }
  | { kind: 'byline'; parts: BylineParts }
  | {
      kind: 'org-head';
      institution: string;
      headline: string;
      punctuated?: boolean;
      /** Words read off the front of the label into the head (its name starts at a city's name). */
      headWords?: string;
    }
  | { kind: 'org'; institution: string }
  | {
      kind: 'display';
      text: string;
      twoPart: boolean;
      wrapped: boolean;
      caption?: boolean;
      punctuated?: boolean;
      kicker?: boolean;
    }
  | { kind: 'prose'; head?: HeadCandidate };

/**
 * A one-line prose block whose form also fits a head that carries punctuation (a kicker ending in
 * `：`, a headline or subhead with a comma, maybe with its label). It stays prose for the reading
 * order; the page walk reads it as a head only where the text around it allows.
 */
export interface HeadCandidate {
  text: string;
  institution?: string;
  kicker?: boolean;
}

/** A block with what its form says it is. */
export type Classified = { block: Block; kind: BlockKind };
