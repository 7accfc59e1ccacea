/**
 * A small PDF content-stream parser (PDF 32000-1 §7.8.2, §8.9.7): turns operand/operator syntax into
 * operations so preflight can follow the CTM, colour operators and image placements of any producer's
 * file, not just ours. Strings are skipped, not decoded; inline image data is skipped up to EI.
 */

/** A PDF name operand, kept apart from operators and strings. */
export class Name {
  constructor(readonly value: string) {}
}

/** Operand values preflight cares about; strings become `null`, arrays and dicts stay structured. */
export type Operand = number | Name | null | Operand[] | Map<string, Operand>;

/** One operator with its operands; `inline` holds a BI…ID dictionary. */
export interface Operation {
  op: string;
  args: Operand[];
  inline?: Map<string, Operand>;
}

const WHITE = new Set([0, 9, 10, 12, 13, 32]);
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
const isRegular = (b: number) => !WHITE.has(b) && !DELIM.has(b);

/** Parse a decoded content stream into operations. */
export function* operations(data: Uint8Array): Generator<Operation> {
  let pos = 0;
  const skipSpace = () => {
    while (pos < data.length) {
      if (WHITE.has(data[pos]!)) pos++;
      else if (data[pos] === 0x25) while (pos < data.length && data[pos] !== 10 && data[pos] !== 13) pos++;
      else break;
    }
  };
  const word = () => {
    const start = pos;
    while (pos < data.length && isRegular(data[pos]!)) pos++;
    return Buffer.from(data.buffer, data.byteOffset + start, pos - start).toString('latin1');
  };
  const skipLiteralString = () => {
    let depth = 0;
    for (; pos < data.length; pos++) {
      const b = data[pos]!;
      if (b === 0x5c) pos++; // backslash escapes the next byte
      else if (b === 0x28) depth++;
      else if (b === 0x29 && --depth === 0) return void pos++;
    }
  };
  // Returns a value, or a string for an operator keyword, or undefined at a closing delimiter/end.
  const value = (): Operand | { keyword: string } | undefined => {
    skipSpace();
    if (pos >= data.length) return undefined;
    const b = data[pos]!;
    if (b === 0x2f) {
      pos++;
      return new Name(word().replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
    }
    if (b === 0x28) {
      skipLiteralString();
      return null;
    }
    if (b === 0x3c && data[pos + 1] === 0x3c) {
      pos += 2;
      const dict = new Map<string, Operand>();
      for (;;) {
        const key = value();
        if (!(key instanceof Name)) break; // >> or garbage ends the dict
        const v = value();
        if (v === undefined || (typeof v === 'object' && v !== null && 'keyword' in v)) break;
        dict.set(key.value, v);
      }
      return dict;
    }
    if (b === 0x3c) {
      while (pos < data.length && data[pos] !== 0x3e) pos++;
      pos++;
      return null;
    }
    if (b === 0x5b) {
      pos++;
      const items: Operand[] = [];
      for (;;) {
        const v = value();
        if (v === undefined) break;
        if (typeof v === 'object' && v !== null && 'keyword' in v) continue; // true/false/null inside arrays
        items.push(v);
      }
      return items;
    }
    if (b === 0x5d || b === 0x3e || b === 0x29 || b === 0x7b || b === 0x7d) {
      pos += b === 0x3e && data[pos + 1] === 0x3e ? 2 : 1;
      return undefined;
    }
    const text = word();
    if (!text) {
      pos++;
      return null;
    }
    const number = Number(text);
    return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) && Number.isFinite(number) ? number : { keyword: text };
  };
  const skipInlineImageData = () => {
    pos++; // the single white-space byte after ID
    for (; pos < data.length - 1; pos++) {
      if (data[pos] === 0x45 && data[pos + 1] === 0x49 && WHITE.has(data[pos - 1]!) && (pos + 2 >= data.length || WHITE.has(data[pos + 2]!))) {
        pos += 2;
        return;
      }
    }
    pos = data.length;
  };

  let args: Operand[] = [];
  while (pos < data.length) {
    const v = value();
    if (v === undefined) {
      if (pos >= data.length) break;
      continue;
    }
    if (typeof v === 'object' && v !== null && 'keyword' in v) {
      if (v.keyword === 'true' || v.keyword === 'false' || v.keyword === 'null') {
        args.push(null);
        continue;
      }
      if (v.keyword === 'BI') {
        const inline = new Map<string, Operand>();
        for (;;) {
          const key = value();
          if (key === undefined || (typeof key === 'object' && key !== null && 'keyword' in key)) break; // ID
          const val = value();
          if (key instanceof Name && val !== undefined && !(typeof val === 'object' && val !== null && 'keyword' in val)) inline.set(key.value, val);
        }
        skipInlineImageData();
        yield { op: 'BI', args: [], inline };
      } else {
        yield { op: v.keyword, args };
      }
      args = [];
    } else {
      args.push(v);
    }
  }
}
