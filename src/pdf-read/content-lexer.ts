/**
 * The one content-stream tokenizer (PDF 32000-1 §7.2, §7.3, §8.9.7): bytes → tokens with their byte
 * positions, strings decoded (literal escapes, octal, hex), names with #-escapes decoded, comments
 * dropped and inline image data skipped up to its EI. Flat and iterative: nesting is the parser's
 * business (content-operations.ts), so no input can exhaust the call stack here. Used by the checker
 * (what a page uses), the ToUnicode repair (which glyphs a page shows) and the grey rewrite (which
 * needs the positions to edit the bytes in place).
 */

/** One lexical token; `start`/`end` are byte offsets into the decoded stream. */
export type ContentToken = { start: number; end: number } & (
  | { kind: 'number'; value: number }
  | { kind: 'name'; value: string }
  | { kind: 'string'; value: Uint8Array }
  /** An operator, or `true` / `false` / `null`. */
  | { kind: 'keyword'; value: string }
  | { kind: 'array-open' | 'array-close' | 'dict-open' | 'dict-close' }
  /** The binary data of an inline image, between `ID` and `EI` (the `ID` keyword comes before it). */
  | { kind: 'inline-data' }
  /** A byte that cannot start a token here: a stray `)`, `{`, `}` or `>`. */
  | { kind: 'junk' }
);

/** Byte classes looked up by table (a content stream is scanned byte by byte): 1 white space, 2 delimiter. */
const CLASS = new Uint8Array(256);
for (const b of [0, 9, 10, 12, 13, 32]) CLASS[b] = 1;
for (const b of [0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]) CLASS[b] = 2;
const isWhite = (b: number) => CLASS[b] === 1;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;
/** Single-character escapes of literal strings (§7.3.4.2). */
const ESCAPES: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 };
const [LPAREN, RPAREN, LT, GT, LBRACKET, RBRACKET, SLASH, PERCENT, BACKSLASH] = [
  0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x2f, 0x25, 0x5c,
];

const latin1 = (data: Uint8Array, start: number, end: number) =>
  Buffer.from(data.buffer, data.byteOffset + start, end - start).toString('latin1');

/** A string token's value when the caller does not read strings. */
const UNREAD = new Uint8Array(0);

/** A literal string starting at the `(` at `pos`: its bytes (unless `!decode`) and the offset just past its `)`. */
function literalString(data: Uint8Array, pos: number, decode: boolean): { value: Uint8Array; end: number } {
  const out: number[] = [];
  let depth = 1;
  for (pos++; pos < data.length; pos++) {
    let c = data[pos]!;
    if (c === BACKSLASH) {
      c = data[++pos]!;
      if (c >= 0x30 && c <= 0x37) {
        let octal = c - 0x30;
        for (let i = 0; i < 2 && data[pos + 1]! >= 0x30 && data[pos + 1]! <= 0x37; i++)
          octal = octal * 8 + data[++pos]! - 0x30;
        out.push(octal & 0xff);
      } else if (c === 10 || c === 13) {
        if (c === 13 && data[pos + 1] === 10) pos++; // a line continuation adds nothing
      } else if (pos < data.length) out.push(ESCAPES[c] ?? c);
      continue;
    }
    if (c === LPAREN) depth++;
    else if (c === RPAREN && --depth === 0) return { value: decode ? Uint8Array.from(out) : UNREAD, end: pos + 1 };
    out.push(c);
  }
  return { value: decode ? Uint8Array.from(out) : UNREAD, end: data.length };
}

/** A hex string starting at the `<` at `pos`; an odd last digit counts as followed by 0 (§7.3.4.3). */
function hexString(data: Uint8Array, pos: number, decode: boolean): { value: Uint8Array; end: number } {
  const close = data.indexOf(GT, pos);
  const end = close < 0 ? data.length : close;
  if (!decode) return { value: UNREAD, end: close < 0 ? data.length : close + 1 };
  const hex = latin1(data, pos + 1, end).replace(/[^0-9a-fA-F]/g, '');
  return {
    value: Uint8Array.from(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex')),
    end: close < 0 ? data.length : close + 1,
  };
}

/** Offset just past an inline image's data: the first `EI` with white space on both sides. */
function inlineDataEnd(data: Uint8Array, pos: number): number {
  for (; pos < data.length - 1; pos++) {
    if (
      data[pos] === 0x45 &&
      data[pos + 1] === 0x49 &&
      isWhite(data[pos - 1]!) &&
      (pos + 2 >= data.length || isWhite(data[pos + 2]!))
    )
      return pos;
  }
  return data.length;
}

/** A number of digits with an optional sign and point, read straight from the bytes (most tokens are); else null. */
function plainNumber(data: Uint8Array, start: number, end: number): number | null {
  let pos = start;
  const negative = data[pos] === 0x2d;
  if (negative || data[pos] === 0x2b) pos++;
  if (pos >= end || end - start > 15) return null;
  let value = 0;
  let scale = 0;
  let digits = 0;
  for (; pos < end; pos++) {
    const c = data[pos]!;
    if (c >= 0x30 && c <= 0x39) {
      value = value * 10 + (c - 0x30);
      digits++;
      if (scale) scale *= 10;
    } else if (c === 0x2e && !scale) scale = 1;
    else return null;
  }
  if (!digits) return null;
  const result = scale > 1 ? value / scale : value;
  return negative ? -result : result;
}

/** A number in a form `plainNumber` does not read (long, or `+.5`-like); else null. */
function otherNumber(data: Uint8Array, start: number, end: number): number | null {
  const word = shortWord(data, start, end);
  return NUMBER.test(word) && Number.isFinite(Number(word)) ? Number(word) : null;
}

/** Whether the regular characters at start…end are a number token (not a keyword). */
function isNumber(data: Uint8Array, start: number, end: number): boolean {
  const b = data[start]!;
  // A keyword never starts with a digit, sign or point; a number always does.
  if (!((b >= 0x30 && b <= 0x39) || b === 0x2b || b === 0x2d || b === 0x2e)) return false;
  return plainNumber(data, start, end) !== null || otherNumber(data, start, end) !== null;
}

/** `true`, `false` or `null`: keywords that are operands, not operators. */
function isValueKeyword(data: Uint8Array, start: number, end: number): boolean {
  const length = end - start;
  if (length !== 4 && length !== 5) return false;
  const word = shortWord(data, start, end);
  return word === 'true' || word === 'false' || word === 'null';
}

/** What kind of token a ContentLexer stands on. */
export type TokenKind = ContentToken['kind'];

/** Bytes of a short keyword read as a string without a Buffer: most operators are one to three letters. */
function shortWord(data: Uint8Array, start: number, end: number): string {
  switch (end - start) {
    case 1:
      return String.fromCharCode(data[start]!);
    case 2:
      return String.fromCharCode(data[start]!, data[start + 1]!);
    case 3:
      return String.fromCharCode(data[start]!, data[start + 1]!, data[start + 2]!);
    default:
      return latin1(data, start, end);
  }
}

/**
 * The tokenizer itself: `next()` moves to the next token and leaves its kind, byte range and value in
 * the lexer's fields, so a reader that looks at a few tokens of a megabyte stream allocates nothing
 * for the others (a page of Chinese text is hundreds of thousands of tokens).
 */
export class ContentLexer {
  kind: TokenKind = 'junk';
  start = 0;
  end = 0;
  /** The value of a number token. */
  number = 0;
  /** The value of a name (without its slash, #-escapes decoded) or keyword token. */
  text = '';
  /** The bytes of a string token (empty when strings are not decoded). */
  bytes: Uint8Array = UNREAD;
  private pos = 0;
  /** After `ID`: the inline image data comes next. */
  private inlineData = false;

  /** Containers (`[`, `<<`) opened since the last operator `nextOperator` stopped at. */
  opens = 0;

  constructor(
    private readonly data: Uint8Array,
    private readonly decodeStrings = true,
    from = 0,
  ) {
    this.pos = from;
  }

  /**
   * Move past operands to the next operator (a keyword other than `true`, `false` and `null`), building
   * no value on the way: its byte range is left in `start`/`end` (the `text` is not set) and `opens`
   * counts the arrays and dicts opened before it. The tokens are those `next()` reads, so a reader can
   * skim to an operator and read its operands again from where the last one ended. False at the end.
   */
  nextOperator(): boolean {
    const data = this.data;
    this.opens = 0;
    if (this.inlineData) this.skipInlineData();
    let pos = this.pos;
    while (pos < data.length) {
      const b = data[pos]!;
      if (CLASS[b] === 1) pos++;
      else if (b === PERCENT) {
        while (pos < data.length && data[pos] !== 10 && data[pos] !== 13) pos++;
      } else if (b === LPAREN) pos = literalString(data, pos, false).end;
      else if (b === LT && data[pos + 1] !== LT) pos = hexString(data, pos, false).end;
      else if ((b === LT || b === GT) && data[pos + 1] === b) {
        if (b === LT) this.opens++;
        pos += 2;
      } else if (b === SLASH) {
        for (pos++; pos < data.length && CLASS[data[pos]!] === 0; pos++);
      } else if (CLASS[b] !== 0) {
        if (b === LBRACKET) this.opens++;
        pos++;
      } else {
        const start = pos;
        while (pos < data.length && CLASS[data[pos]!] === 0) pos++;
        if (isNumber(data, start, pos) || isValueKeyword(data, start, pos)) continue;
        this.pos = pos;
        this.inlineData = pos - start === 2 && data[start] === 0x49 && data[start + 1] === 0x44; // ID
        return this.set('keyword', start, pos);
      }
    }
    this.pos = pos;
    return false;
  }

  /** Where the next token starts to be looked for (after an `ID`, past the inline image data). */
  get position(): number {
    if (this.inlineData) this.skipInlineData();
    return this.pos;
  }

  private skipInlineData(): void {
    this.inlineData = false;
    const data = this.data;
    const end = inlineDataEnd(data, Math.min(this.pos + 1, data.length));
    this.pos = end < data.length ? end + 2 : end;
  }

  /** Move to the next token; false at the end of the stream. */
  next(): boolean {
    const data = this.data;
    if (this.inlineData) {
      this.inlineData = false;
      const dataStart = Math.min(this.pos + 1, data.length); // the single white-space byte after ID
      const end = inlineDataEnd(data, dataStart);
      this.pos = end < data.length ? end + 2 : end; // EI
      return this.set('inline-data', dataStart, end);
    }
    let pos = this.pos;
    while (pos < data.length) {
      const b = data[pos]!;
      const start = pos;
      if (CLASS[b] === 1) {
        pos++;
      } else if (b === PERCENT) {
        while (pos < data.length && data[pos] !== 10 && data[pos] !== 13) pos++;
      } else if (b === LPAREN || (b === LT && data[pos + 1] !== LT)) {
        const string =
          b === LPAREN ? literalString(data, pos, this.decodeStrings) : hexString(data, pos, this.decodeStrings);
        this.pos = string.end;
        this.bytes = string.value;
        return this.set('string', start, string.end);
      } else if ((b === LT || b === GT) && data[pos + 1] === b) {
        this.pos = pos + 2;
        return this.set(b === LT ? 'dict-open' : 'dict-close', start, pos + 2);
      } else if (b === LBRACKET || b === RBRACKET) {
        this.pos = pos + 1;
        return this.set(b === LBRACKET ? 'array-open' : 'array-close', start, pos + 1);
      } else if (b === SLASH) {
        let hasEscape = false;
        for (pos++; pos < data.length && CLASS[data[pos]!] === 0; pos++) if (data[pos] === 0x23) hasEscape = true;
        const raw = shortWord(data, start + 1, pos);
        this.text = hasEscape
          ? raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
          : raw;
        this.pos = pos;
        return this.set('name', start, pos);
      } else if (CLASS[b] !== 0) {
        this.pos = pos + 1;
        return this.set('junk', start, pos + 1);
      } else {
        while (pos < data.length && CLASS[data[pos]!] === 0) pos++;
        this.pos = pos;
        const number = plainNumber(data, start, pos) ?? otherNumber(data, start, pos);
        if (number !== null) {
          this.number = number;
          return this.set('number', start, pos);
        }
        const word = shortWord(data, start, pos);
        this.text = word;
        this.inlineData = word === 'ID';
        return this.set('keyword', start, pos);
      }
    }
    this.pos = pos;
    return false;
  }

  private set(kind: TokenKind, start: number, end: number): true {
    this.kind = kind;
    this.start = start;
    this.end = end;
    return true;
  }
}

/**
 * The tokens of a decoded content stream, in order. With `decodeStrings` false, string tokens carry no
 * bytes (their positions stay exact): a reader that never looks at the text shown skips decoding it.
 */
export function* contentTokens(data: Uint8Array, decodeStrings = true): Generator<ContentToken> {
  const lexer = new ContentLexer(data, decodeStrings);
  while (lexer.next()) {
    const { kind, start, end } = lexer;
    if (kind === 'number') yield { kind, value: lexer.number, start, end };
    else if (kind === 'name' || kind === 'keyword') yield { kind, value: lexer.text, start, end };
    else if (kind === 'string') yield { kind, value: lexer.bytes, start, end };
    else yield { kind, start, end };
  }
}
