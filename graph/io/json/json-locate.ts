/**
 * Finds where JSON text first goes wrong. V8's JSON.parse gives a position for
 * some errors but not for others ("Unexpected token '}', … is not valid
 * JSON"), so a small recursive-descent scan locates every error the same way.
 * It only runs after JSON.parse has failed, or to find a repeated key.
 */
export interface JsonSyntaxError {
  offset: number;
  message: string;
}

/** Thrown inside the scan; caught by locateJsonError. */
class Found {
  constructor(readonly error: JsonSyntaxError) {}
}

class Scanner {
  i = 0;
  constructor(private readonly text: string, private readonly duplicateKeys: boolean) {}

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
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.i, this.i + 400));
    if (!m || m[0] === '-' || m[0] === '') this.fail(`unexpected ${this.describe(this.i)}`);
    this.i += m![0].length;
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
    if (this.empty('}')) return;
    const keys = this.duplicateKeys ? new Set<string>() : null;
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
      this.ws();
      if (this.text[this.i] !== ':') this.fail(`expected ":" after a property name, found ${this.describe(this.i)}`);
      this.i++;
      this.value();
    } while (this.next('}', 'an object'));
  }

  array(): void {
    if (this.empty(']')) return;
    do this.value();
    while (this.next(']', 'a list'));
  }
}

/**
 * With `duplicateKeys`, a key repeated in one object is an error too (at the
 * second one): JSON.parse would silently keep only the last value.
 */
export function locateJsonError(text: string, options: { duplicateKeys?: boolean } = {}): JsonSyntaxError | null {
  const scan = new Scanner(text, options.duplicateKeys === true);
  try {
    scan.value();
    scan.ws();
    if (scan.i < text.length) scan.fail(`unexpected ${scan.describe(scan.i)} after the end of the data`);
    return null;
  } catch (err) {
    if (err instanceof Found) return err.error;
    if (err instanceof RangeError) return { offset: scan.i, message: 'lists or objects nested too deeply' };
    throw err;
  }
}
