/**
 * Content-stream operations (PDF 32000-1 §7.8.2, §8.9.7): the tokens of content-lexer.ts grouped into
 * operators with their operands, so the checker can follow the CTM, colour operators and image
 * placements of any producer's file, and the ToUnicode repair can read the strings each text operator
 * shows. Arrays and dictionaries are built with an explicit stack, never by recursion, and nesting
 * deeper than MAX_OPERAND_DEPTH is dropped and reported: a hostile stream cannot exhaust the call stack.
 */
import { ContentLexer } from './content-lexer.js';

/** A PDF name operand, kept apart from operators and strings. */
export class Name {
  constructor(readonly value: string) {}
}

/** Operand values: numbers, names, strings (their bytes), booleans, null, arrays and dicts. */
export type Operand = number | Name | Uint8Array | boolean | null | Operand[] | Map<string, Operand>;

/** One operator with its operands; `inline` holds a BI…ID dictionary. */
export interface Operation {
  op: string;
  args: Operand[];
  inline?: Map<string, Operand>;
}

/** Arrays and dictionaries nested deeper than this in one operand are dropped (real files nest 2 or 3). */
export const MAX_OPERAND_DEPTH = 64;

/** What was wrong with a stream's syntax, for the caller to report; the operations still come out. */
export interface ContentProblems {
  /** Operand nesting deeper than MAX_OPERAND_DEPTH was met (and dropped). */
  tooDeep: boolean;
}

type Container =
  | { kind: 'array'; items: Operand[] }
  | { kind: 'dict'; map: Map<string, Operand>; key: string | undefined };

const KEYWORD_VALUES: Record<string, Operand> = { true: true, false: false, null: null };

/**
 * Parse a decoded content stream into operations; `problems` (if given) learns what had to be dropped.
 * With `decodeStrings` false, string operands are empty (for readers that never look at the text shown).
 */
export function* operations(data: Uint8Array, problems?: ContentProblems, decodeStrings = true): Generator<Operation> {
  const all: Operation[] = [];
  forEachOperation(data, (operation) => void all.push(operation), problems, decodeStrings);
  yield* all;
}

/**
 * `operations` as a callback, for a reader of every page of an edition: no generator step per
 * operation (a page of Chinese text holds tens of thousands of text operators). With `wanted`, only
 * those operators are visited (inline images, `BI`, always are), and the operands of the others are
 * skimmed past without being built.
 */
export function forEachOperation(
  data: Uint8Array,
  visit: (operation: Operation) => void,
  problems?: ContentProblems,
  decodeStrings = true,
  wanted?: ReadonlySet<string>,
): void {
  const reader = operationReader(visit, problems, wanted);
  if (!wanted || [...wanted].some((word) => word.length > MAX_CODED_KEYWORD)) {
    const token = new ContentLexer(data, decodeStrings);
    while (token.next()) reader(token);
    return;
  }
  const codes = new Set(
    [...wanted, 'BI', 'ID'].map((word) => keywordCode(new TextEncoder().encode(word), 0, word.length)),
  );
  const skim = new ContentLexer(data, false);
  /** Where the operands of the operator being looked for begin. */
  let from = 0;
  // Operands are read (again) only for the operators visited, and where they might nest too deep to say so.
  const read = (to: number) => {
    const token = new ContentLexer(data, decodeStrings, from);
    while (token.next()) {
      reader(token);
      if (token.end >= to) break;
    }
  };
  while (skim.nextOperator()) {
    if (codes.has(keywordCode(data, skim.start, skim.end)) || skim.opens > MAX_OPERAND_DEPTH) read(skim.end);
    from = skim.position;
  }
  if (skim.opens > MAX_OPERAND_DEPTH) read(data.length);
}

/** Keywords up to this many bytes are looked up by `keywordCode` (every operator of the PDF standard is). */
const MAX_CODED_KEYWORD = 3;

/** A keyword of up to three bytes as one number, so an operator is looked up without making a string; -1 for longer ones. */
function keywordCode(data: Uint8Array, start: number, end: number): number {
  const length = end - start;
  if (length > MAX_CODED_KEYWORD) return -1;
  let code = length;
  for (let i = start; i < end; i++) code = code * 256 + data[i]!;
  return code;
}

/**
 * The operation reader: fed every token of a stream in order (or, from `forEachOperation`'s skim, the
 * tokens from one operator to the next), it groups operands into operations and visits them.
 */
function operationReader(
  visit: (operation: Operation) => void,
  problems: ContentProblems | undefined,
  wanted: ReadonlySet<string> | undefined,
): (token: ContentLexer) => void {
  let args: Operand[] = [];
  /** Open arrays and dicts, innermost last. */
  const open: Container[] = [];
  /** Levels opened beyond MAX_OPERAND_DEPTH, closed before any kept container. */
  let dropped = 0;
  /** Inside BI … ID: the operands collected so far become the inline image dictionary. */
  let inInlineImage = false;

  const add = (value: Operand) => {
    if (dropped) return;
    const top = open[open.length - 1];
    if (!top) args.push(value);
    else if (top.kind === 'array') top.items.push(value);
    else if (top.key === undefined) {
      if (value instanceof Name) top.key = value.value;
      // A dict key that is not a name is malformed: skip it.
    } else {
      top.map.set(top.key, value);
      top.key = undefined;
    }
  };
  const openContainer = (container: Container) => {
    if (dropped || open.length >= MAX_OPERAND_DEPTH) {
      dropped++;
      if (problems) problems.tooDeep = true;
      return;
    }
    open.push(container);
  };
  const close = (kind: Container['kind']) => {
    if (dropped) return void dropped--;
    const top = open[open.length - 1];
    if (!top || top.kind !== kind) return; // a stray closer
    open.pop();
    add(top.kind === 'array' ? top.items : top.map);
  };

  return (token) => {
    switch (token.kind) {
      case 'number':
        add(token.number);
        break;
      case 'string':
        add(token.bytes);
        break;
      case 'name':
        add(new Name(token.text));
        break;
      case 'array-open':
        openContainer({ kind: 'array', items: [] });
        break;
      case 'dict-open':
        openContainer({ kind: 'dict', map: new Map(), key: undefined });
        break;
      case 'array-close':
        close('array');
        break;
      case 'dict-close':
        close('dict');
        break;
      case 'keyword': {
        const word = token.text;
        if (word in KEYWORD_VALUES) {
          add(KEYWORD_VALUES[word]!);
          break;
        }
        // An operator ends every open operand: what is unclosed belongs to nothing.
        open.length = 0;
        dropped = 0;
        if (word === 'BI') {
          inInlineImage = true;
          args = [];
          break;
        }
        if (word === 'ID' && inInlineImage) {
          const inline = new Map<string, Operand>();
          for (let i = 0; i + 1 < args.length; i += 2) {
            const key = args[i];
            if (key instanceof Name) inline.set(key.value, args[i + 1]!);
          }
          inInlineImage = false;
          args = [];
          visit({ op: 'BI', args: [], inline });
          break;
        }
        if (wanted && !wanted.has(word)) {
          args.length = 0;
          break;
        }
        visit({ op: word, args });
        args = [];
        break;
      }
      case 'inline-data':
      case 'junk':
        break;
    }
  };
}
