/**
 * Finds where JSON text first goes wrong. V8's JSON.parse gives a position for
 * some errors but not for others ("Unexpected token '}', … is not valid
 * JSON"), so a small recursive-descent scan locates every error the same way.
 * It runs after JSON.parse has failed, and after it has succeeded to find
 * what JSON.parse does not say: a repeated key, nesting beyond MAX_JSON_DEPTH,
 * and integers it rounds (their literal digits and JSON paths).
 */
export interface JsonSyntaxError {
  offset: number;
  message: string;
}

/**
 * How deep lists and objects may nest. Graph files need fewer than 10 levels
 * (ours: root, relations, a relation, claims, a claim, its locator, chars = 7);
 * 256 leaves room for any real attribute value while staying far below where
 * recursive code over the parsed value (JSON.stringify, structuredClone, this
 * scan) runs out of stack — about 4,000 levels in Node here, fewer in a worker
 * — and below Python's json recursion limit (1,000), so a file we accept
 * opens there too. The scan stops at the limit with the place: never
 * "Maximum call stack size exceeded".
 */
export const MAX_JSON_DEPTH = 256;

/** One step of a JSON path: a key (its raw text in the file, decoded when needed) or a list index. */
type Step = { start: number; end: number } | number;

/**
 * Whether the double JSON.parse makes of an integer literal is written back
 * as the same digits (JavaScript writes the shortest digits that read back as
 * that double): `12345678901234567000` is, so it stays a number and our own
 * exports of large numbers read back unchanged; `12345678901234567890` and
 * 2^53 + 1 are not — the digits the file gives would be lost.
 */
function writtenBack(literal: string): boolean {
  const shortest = String(Number(literal));
  const e = /^(-?)(\d)(?:\.(\d+))?e\+(\d+)$/.exec(shortest);
  if (!e) return shortest === literal;
  const digits = `${e[2]}${e[3] ?? ''}`;
  return `${e[1]}${digits.padEnd(Number(e[4]) + 1, '0')}` === literal;
}

/** An integer literal JSON.parse rounds to a double written back with other digits: its digits and where it is. */
export interface RoundedInteger {
  literal: string;
  offset: number;
  /** Keys and indices from the root. */
  steps: Array<string | number>;
}

/** Thrown inside the scan; caught by locateJsonError. */
class Found {
  constructor(readonly error: JsonSyntaxError) {}
}

class Scanner {
  i = 0;
  depth = 0;
  readonly path: Step[] = [];
  readonly rounded: RoundedInteger[] = [];
  constructor(private readonly text: string, private readonly duplicateKeys: boolean) {}

  /** Entering a list or object at the current position. */
  enter(): void {
    if (++this.depth > MAX_JSON_DEPTH) {
      this.fail(`lists and objects nested more than ${MAX_JSON_DEPTH} deep; Actorscope reads JSON nested up to ${MAX_JSON_DEPTH} levels (a graph file needs fewer than 10)`);
    }
  }

  steps(): Array<string | number> {
    return this.path.map((s) => (typeof s === 'number' ? s : (JSON.parse(this.text.slice(s.start, s.end)) as string)));
  }

  fail(message: string, at = this.i): never {
    throw new Found({ offset: at, message });
  }

  describe(at: number): string {
    return at >= this.text.length ? 'the end of the file' : `${JSON.stringify(this.text[at])}`;
  }

  ws(): void {
    const t = this.text;
    while (this.i < t.length && (t[this.i] === ' ' || t[this.i] === '\t' || t[this.i] === '\n' || t[this.i] === '\r')) this.i++;
  }

  literal(word: string): void {
    for (let j = 0; j < word.length; j++) {
      if (this.text[this.i + j] !== word[j]) this.fail(`unexpected ${this.describe(this.i + j)} in ${word}`, this.i + j);
    }
    this.i += word.length;
  }

  string(): void {
    const t = this.text;
    this.i++; // opening quote
    for (;;) {
      if (this.i >= t.length) this.fail('a string is not closed');
      const c = t.charCodeAt(this.i);
      if (c === 0x22) {
        this.i++;
        return;
      }
      if (c < 0x20) this.fail('a control character inside a string (escape it, e.g. \\n)');
      if (c === 0x5c) {
        const e = t[this.i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(t.slice(this.i + 2, this.i + 6))) this.fail('a bad \\u escape');
          this.i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) this.i += 2;
        else this.fail(`a bad escape \\${e ?? ''}`);
      } else this.i++;
    }
  }

  number(): void {
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.text);
    if (!m || m[0] === '-' || m[0] === '') this.fail(`unexpected ${this.describe(this.i)}`);
    const literal = m![0];
    // 16 digits or more may be beyond 2^53 (15 never are).
    if (m![2] === undefined && m![3] === undefined && m![1]!.length >= 16 && !writtenBack(literal)) {
      this.rounded.push({ literal, offset: this.i, steps: this.steps() });
    }
    this.i += literal.length;
  }

  value(): void {
    this.ws();
    const c = this.text[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === 't') return this.literal('true');
    if (c === 'f') return this.literal('false');
    if (c === 'n') return this.literal('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    this.fail(this.i >= this.text.length ? 'the file ends where a value should be' : `unexpected ${this.describe(this.i)} where a value should be`);
  }

  /** After an item of a list or object: `,` goes on (true), `close` ends it (false). */
  next(close: '}' | ']', inside: string): boolean {
    this.ws();
    if (this.text[this.i] === ',') {
      this.i++;
      return true;
    }
    if (this.text[this.i] === close) {
      this.i++;
      return false;
    }
    return this.fail(this.i >= this.text.length ? `the file ends inside ${inside}` : `expected "," or "${close}", found ${this.describe(this.i)}`);
  }

  /** Opens a list or object; true when it closes at once. */
  empty(close: '}' | ']'): boolean {
    this.i++;
    this.ws();
    if (this.text[this.i] !== close) return false;
    this.i++;
    return true;
  }

  object(): void {
    this.enter();
    if (this.empty('}')) return this.leave(false);
    const keys = this.duplicateKeys ? new Set<string>() : null;
    this.path.push(0);
    do {
      this.ws();
      if (this.text[this.i] !== '"') this.fail(this.i >= this.text.length ? 'the file ends inside an object' : `expected a quoted property name, found ${this.describe(this.i)}`);
      const keyStart = this.i;
      this.string();
      if (keys) {
        const key = JSON.parse(this.text.slice(keyStart, this.i)) as string;
        if (keys.has(key)) this.fail(`the key ${JSON.stringify(key)} appears twice in one object; only one can be kept — remove or rename one`, keyStart);
        keys.add(key);
      }
      this.path[this.path.length - 1] = { start: keyStart, end: this.i };
      this.ws();
      if (this.text[this.i] !== ':') this.fail(`expected ":" after a property name, found ${this.describe(this.i)}`);
      this.i++;
      this.value();
    } while (this.next('}', 'an object'));
    this.leave(true);
  }

  array(): void {
    this.enter();
    if (this.empty(']')) return this.leave(false);
    this.path.push(0);
    let index = 0;
    do {
      this.path[this.path.length - 1] = index++;
      this.value();
    } while (this.next(']', 'a list'));
    this.leave(true);
  }

  leave(stepped: boolean): void {
    this.depth--;
    if (stepped) this.path.pop();
  }
}

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

/** The whole scan: the first error (syntax, nesting, with `duplicateKeys` a repeated key), and the integers JSON.parse rounds. */
export function scanJson(text: string, options: { duplicateKeys?: boolean } = {}): { error: JsonSyntaxError | null; rounded: RoundedInteger[] } {
  const scan = new Scanner(text, options.duplicateKeys === true);
  try {
    scan.value();
    scan.ws();
    if (scan.i < text.length) scan.fail(`unexpected ${scan.describe(scan.i)} after the end of the data`);
    return { error: null, rounded: scan.rounded };
  } catch (err) {
    if (err instanceof Found) return { error: err.error, rounded: scan.rounded };
    throw err;
  }
}

/**
 * With `duplicateKeys`, a key repeated in one object is an error too (at the
 * second one): JSON.parse would silently keep only the last value.
 */
export function locateJsonError(text: string, options: { duplicateKeys?: boolean } = {}): JsonSyntaxError | null {
  return scanJson(text, options).error;
}
