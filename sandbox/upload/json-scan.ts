// A streaming structural reader of an upload file's JSON, fed with the inflated bytes as they come:
// it checks the syntax, finds the top-level keys and the byte ranges of the elements of the file's
// list (`paymentPositions` or `paymentPositionIUPDs`), and counts elements while it reads, so that a
// file over a limit is refused after reading only as far as the limit (a 10 KB ZIP of millions of
// `{}` never becomes millions of objects). Each element is then parsed on its own, in slices.
// Iterative (an explicit stack), so deep nesting cannot overflow the call stack; keys are compared
// as bytes, and only where one matters (the file's list, a position's payment options).

export class JsonSyntaxError extends Error {}

/** A limit was passed; `violation` is the bean-validation-style message to report. */
export class LimitExceeded extends Error {
  constructor(readonly violation: string) {
    super(violation);
  }
}

export interface ScanLimits {
  /** Elements of the file's list. */
  maxItems: number;
  itemsMessage: string;
  /** Limits inside each element (the positions file only). */
  perItem?: {
    /** Elements of the `listKey` list of an element (payment options of a position). */
    listKey: string;
    maxList: number;
    listMessage: string;
    /** Elements of every list inside one element, all counted together. */
    maxNested: number;
    nestedMessage: string;
  };
}

export interface ScanResult {
  document: 'object' | 'array' | 'other';
  /** Byte ranges [start, end) of the top-level keys, quotes included, in order of appearance. */
  keys: Array<[number, number]>;
  /** The field's (last) value. */
  field: 'absent' | 'null' | 'array' | 'other';
  /** Byte ranges of the field's elements, as flat [start, end) pairs (surrounding blanks included). */
  items: number[];
}

/** Jackson's StreamReadConstraints default. */
export const MAX_NESTING_DEPTH = 1000;
/** Longer keys cannot be one of the names looked for, even fully escaped. */
const MAX_KEY_BYTES = 256;

const OBJ = 0;
const ARR = 1;

// Reader states.
const VALUE = 0; // a value (top level, after ':' or after ',' in an array)
const ARR_FIRST = 1; // a value or ']'
const OBJ_FIRST = 2; // a key or '}'
const KEY = 3; // a key (after ',' in an object)
const COLON = 4;
const AFTER = 5; // ',' or the closing bracket
const STR = 6;
const STR_ESC = 7;
const STR_HEX = 8;
const NUM_MINUS = 9;
const NUM_ZERO = 10;
const NUM_INT = 11;
const NUM_DOT = 12;
const NUM_FRAC = 13;
const NUM_E = 14;
const NUM_E_SIGN = 15;
const NUM_EXP = 16;
const LIT = 17;
const DONE = 18;

const encoder = new TextEncoder();
const LITERALS: Record<number, Uint8Array> = { 0x74: encoder.encode('true'), 0x66: encoder.encode('false'), 0x6e: encoder.encode('null') };
const BOM = [0xef, 0xbb, 0xbf];
const isBlank = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
const isDigit = (b: number) => b >= 0x30 && b <= 0x39;
const isHex = (b: number) => isDigit(b) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
const isEscape = (b: number) => b === 0x22 || b === 0x5c || b === 0x2f || b === 0x62 || b === 0x66 || b === 0x6e || b === 0x72 || b === 0x74 || b === 0x75;

export class JsonScanner {
  #state = VALUE;
  /** Bytes read before the current chunk. */
  #base = 0;
  #bom = 0;
  // The container stack: kind, elements so far, whether it sits under the key looked for at its
  // depth, and (objects) whether the current key is that key.
  readonly #kinds: number[] = [];
  readonly #counts: number[] = [];
  readonly #under: boolean[] = [];
  readonly #current: boolean[] = [];
  // The key being read, when it matters.
  #capturing = false;
  #keyStart = 0;
  readonly #key = new Uint8Array(MAX_KEY_BYTES);
  #keyLength = 0;
  #keyEscaped = false;
  #isKey = false;
  #hexLeft = 0;
  #literal: Uint8Array = LITERALS[0x6e]!;
  #literalAt = 0;
  // The file's list.
  #fieldOpen = false;
  #itemStart = 0;
  #nested = 0;
  readonly #field: Uint8Array;
  readonly #listKey: Uint8Array | undefined;
  readonly #result: ScanResult = { document: 'other', keys: [], field: 'absent', items: [] };

  constructor(
    private readonly field: string,
    private readonly limits: ScanLimits,
  ) {
    this.#field = encoder.encode(field);
    this.#listKey = limits.perItem && encoder.encode(limits.perItem.listKey);
  }

  feed(chunk: Uint8Array): void {
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      const state = this.#state;
      if (state === STR) {
        // The bulk of a file: run through the string here.
        let j = i;
        let c = 0;
        while (j < n && (c = chunk[j]!) !== 0x22 && c !== 0x5c && c >= 0x20) j++;
        if (j === n) {
          if (this.#capturing) this.#capture(chunk, i, j);
          return this.#next(n);
        }
        if (c < 0x20) this.#fail(c, j);
        if (this.#capturing) this.#capture(chunk, i, c === 0x5c ? j + 1 : j);
        if (c === 0x5c) {
          this.#keyEscaped = true;
          this.#state = STR_ESC;
        } else this.#endString(j);
        i = j + 1;
        continue;
      }
      const b = chunk[i]!;
      if (isBlank(b) && state <= AFTER) {
        i++;
        continue;
      }
      switch (state) {
        case VALUE:
        case ARR_FIRST:
          if (this.#base + i < 3 && this.#kinds.length === 0 && this.#bom === this.#base + i && b === BOM[this.#bom]) this.#bom++;
          else if (b === 0x5d && state === ARR_FIRST) this.#close(ARR, i);
          else this.#startValue(b, i);
          break;
        case OBJ_FIRST:
        case KEY:
          if (b === 0x7d && state === OBJ_FIRST) this.#close(OBJ, i);
          else if (b === 0x22) this.#startKey(i);
          else this.#fail(b, i);
          break;
        case COLON:
          if (b !== 0x3a) this.#fail(b, i);
          this.#state = VALUE;
          break;
        case AFTER:
          if (b === 0x2c) this.#comma(i);
          else if (b === 0x5d) this.#close(ARR, i);
          else if (b === 0x7d) this.#close(OBJ, i);
          else this.#fail(b, i);
          break;
        case STR_ESC:
          if (!isEscape(b)) this.#fail(b, i);
          if (this.#capturing) this.#capture(chunk, i, i + 1);
          if (b === 0x75) {
            this.#hexLeft = 4;
            this.#state = STR_HEX;
          } else this.#state = STR;
          break;
        case STR_HEX:
          if (!isHex(b)) this.#fail(b, i);
          if (this.#capturing) this.#capture(chunk, i, i + 1);
          if (--this.#hexLeft === 0) this.#state = STR;
          break;
        case LIT:
          if (b !== this.#literal[this.#literalAt]) this.#fail(b, i);
          if (++this.#literalAt === this.#literal.length) this.#endScalar();
          break;
        case DONE:
          if (!isBlank(b)) this.#fail(b, i);
          break;
        case NUM_INT:
        case NUM_FRAC:
        case NUM_EXP: {
          let j = i;
          while (j < n && isDigit(chunk[j]!)) j++;
          if (j === n) return this.#next(n);
          const c = chunk[j]!;
          if (state !== NUM_EXP && c === 0x2e && state === NUM_INT) this.#state = NUM_DOT;
          else if (state !== NUM_EXP && (c === 0x65 || c === 0x45)) this.#state = NUM_E;
          else {
            // The byte after the number is read again in the next state.
            this.#endScalar();
            i = j;
            continue;
          }
          i = j + 1;
          continue;
        }
        case NUM_ZERO:
          if (b === 0x2e) this.#state = NUM_DOT;
          else if (b === 0x65 || b === 0x45) this.#state = NUM_E;
          else if (isDigit(b)) this.#fail(b, i);
          else {
            this.#endScalar();
            continue;
          }
          break;
        case NUM_MINUS:
          if (!isDigit(b)) this.#fail(b, i);
          this.#state = b === 0x30 ? NUM_ZERO : NUM_INT;
          break;
        case NUM_DOT:
          if (!isDigit(b)) this.#fail(b, i);
          this.#state = NUM_FRAC;
          break;
        case NUM_E:
          if (b === 0x2b || b === 0x2d) this.#state = NUM_E_SIGN;
          else if (isDigit(b)) this.#state = NUM_EXP;
          else this.#fail(b, i);
          break;
        case NUM_E_SIGN:
          if (!isDigit(b)) this.#fail(b, i);
          this.#state = NUM_EXP;
          break;
      }
      i++;
    }
    this.#next(n);
  }

  /** The whole document has been fed. */
  end(): ScanResult {
    const s = this.#state;
    if (this.#kinds.length === 0 && (s === NUM_ZERO || s === NUM_INT || s === NUM_FRAC || s === NUM_EXP)) this.#state = DONE;
    if (this.#state !== DONE) throw new JsonSyntaxError(`Unexpected end-of-input at byte offset ${this.#base}`);
    return this.#result;
  }

  #next(length: number): void {
    this.#base += length;
  }

  #fail(b: number, i: number): never {
    const shown = b >= 0x20 && b < 0x7f ? `'${String.fromCharCode(b)}' (code ${b})` : `code ${b}`;
    throw new JsonSyntaxError(`Unexpected character (${shown}) at byte offset ${this.#base + i}`);
  }

  #startValue(b: number, i: number): void {
    if (this.#bom > 0 && this.#bom < 3) this.#fail(b, i);
    const depth = this.#kinds.length;
    if (depth === 0) this.#result.document = b === 0x7b ? 'object' : b === 0x5b ? 'array' : 'other';
    else this.#count(depth - 1);
    const underKey = depth > 0 && this.#kinds[depth - 1] === OBJ && this.#current[depth - 1]!;
    if (depth === 1 && underKey) {
      this.#result.field = b === 0x5b ? 'array' : b === 0x6e ? 'null' : 'other';
      this.#result.items = [];
    }
    if (b === 0x7b || b === 0x5b) {
      if (depth >= MAX_NESTING_DEPTH) {
        throw new JsonSyntaxError(`Document nesting depth (${depth + 1}) exceeds the maximum allowed (${MAX_NESTING_DEPTH})`);
      }
      const kind = b === 0x7b ? OBJ : ARR;
      this.#kinds.push(kind);
      this.#counts.push(0);
      this.#under.push(underKey);
      this.#current.push(false);
      if (depth === 1 && kind === ARR && underKey) {
        this.#fieldOpen = true;
        this.#itemStart = this.#base + i + 1;
      }
      this.#state = kind === OBJ ? OBJ_FIRST : ARR_FIRST;
    } else if (b === 0x22) {
      this.#isKey = false;
      this.#capturing = false;
      this.#state = STR;
    } else if (b === 0x2d) this.#state = NUM_MINUS;
    else if (b === 0x30) this.#state = NUM_ZERO;
    else if (isDigit(b)) this.#state = NUM_INT;
    else if (LITERALS[b]) {
      this.#literal = LITERALS[b];
      this.#literalAt = 1;
      this.#state = LIT;
    } else this.#fail(b, i);
  }

  /** A value starts in the container at `index`: count it against the limits. */
  #count(index: number): void {
    const count = ++this.#counts[index]!;
    if (this.#kinds[index] !== ARR || !this.#fieldOpen) return;
    if (index === 1) {
      if (count > this.limits.maxItems) throw new LimitExceeded(this.limits.itemsMessage);
      this.#nested = 0;
      return;
    }
    const perItem = this.limits.perItem;
    if (!perItem) return;
    if (++this.#nested > perItem.maxNested) throw new LimitExceeded(perItem.nestedMessage);
    if (index === 3 && this.#under[3] && this.#kinds[2] === OBJ && count > perItem.maxList) throw new LimitExceeded(perItem.listMessage);
  }

  /** The key looked for in the object at the top of the stack, if any. */
  #target(): Uint8Array | undefined {
    const top = this.#kinds.length - 1;
    if (top === 0) return this.#field;
    if (top === 2 && this.#fieldOpen) return this.#listKey;
    return undefined;
  }

  #startKey(i: number): void {
    this.#isKey = true;
    this.#capturing = this.#target() !== undefined;
    this.#keyStart = this.#base + i;
    this.#keyLength = 0;
    this.#keyEscaped = false;
    this.#state = STR;
  }

  #capture(chunk: Uint8Array, from: number, to: number): void {
    const length = this.#keyLength + (to - from);
    if (length > MAX_KEY_BYTES) {
      this.#keyLength = MAX_KEY_BYTES + 1;
      this.#capturing = false;
      return;
    }
    this.#key.set(chunk.subarray(from, to), this.#keyLength);
    this.#keyLength = length;
  }

  #endString(i: number): void {
    if (!this.#isKey) return this.#endScalar();
    const top = this.#kinds.length - 1;
    const target = this.#target();
    let matches = false;
    if (target && this.#keyLength <= MAX_KEY_BYTES) {
      const raw = this.#key.subarray(0, this.#keyLength);
      if (!this.#keyEscaped) matches = raw.length === target.length && raw.every((byte, k) => byte === target[k]);
      else matches = (JSON.parse(`"${new TextDecoder().decode(raw)}"`) as string) === new TextDecoder().decode(target);
    }
    this.#current[top] = matches;
    if (top === 0) this.#result.keys.push([this.#keyStart, this.#base + i + 1]);
    this.#state = COLON;
  }

  #endScalar(): void {
    this.#state = this.#kinds.length === 0 ? DONE : AFTER;
  }

  #comma(i: number): void {
    const top = this.#kinds.length - 1;
    if (this.#fieldOpen && top === 1) {
      const at = this.#base + i;
      this.#result.items.push(this.#itemStart, at);
      this.#itemStart = at + 1;
    }
    this.#state = this.#kinds[top] === OBJ ? KEY : VALUE;
  }

  #close(kind: number, i: number): void {
    const top = this.#kinds.length - 1;
    if (this.#kinds[top] !== kind) this.#fail(kind === OBJ ? 0x7d : 0x5d, i);
    if (this.#fieldOpen && top === 1) {
      if (this.#counts[1]! > 0) this.#result.items.push(this.#itemStart, this.#base + i);
      this.#fieldOpen = false;
    }
    this.#kinds.pop();
    this.#counts.pop();
    this.#under.pop();
    this.#current.pop();
    this.#endScalar();
  }
}
