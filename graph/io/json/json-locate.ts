/**
 * Finds where JSON text first goes wrong. V8's JSON.parse gives a position for
 * some errors but not for others ("Unexpected token '}', … is not valid
 * JSON"), so a small recursive-descent scan locates every error the same way.
 * It only runs after JSON.parse has failed.
 */
export interface JsonSyntaxError {
  offset: number;
  message: string;
}

/**
 * With `duplicateKeys`, a key repeated in one object is an error too (at the
 * second one): JSON.parse would silently keep only the last value.
 */
export function locateJsonError(text: string, options: { duplicateKeys?: boolean } = {}): JsonSyntaxError | null {
  let i = 0;
  const fail = (message: string, at = i): never => {
    throw { offset: at, message } satisfies JsonSyntaxError;
  };
  const describe = (at: number) =>
    at >= text.length ? 'the end of the file' : `${JSON.stringify(text[at])}`;
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const literal = (word: string) => {
    for (let j = 0; j < word.length; j++) {
      if (text[i + j] !== word[j]) fail(`unexpected ${describe(i + j)} in ${word}`, i + j);
    }
    i += word.length;
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail('a string is not closed');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail('a control character inside a string (escape it, e.g. \\n)');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('a bad \\u escape');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail(`a bad escape \\${e ?? ''}`);
      } else i++;
    }
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '-' || m[0] === '') fail(`unexpected ${describe(i)}`);
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    fail(i >= text.length ? 'the file ends where a value should be' : `unexpected ${describe(i)} where a value should be`);
  };
  const object = () => {
    i++;
    ws();
    if (text[i] === '}') {
      i++;
      return;
    }
    const keys = options.duplicateKeys ? new Set<string>() : null;
    for (;;) {
      ws();
      if (text[i] !== '"') fail(i >= text.length ? 'the file ends inside an object' : `expected a quoted property name, found ${describe(i)}`);
      const keyStart = i;
      string();
      if (keys) {
        const key = JSON.parse(text.slice(keyStart, i)) as string;
        if (keys.has(key)) fail(`the key ${JSON.stringify(key)} appears twice in one object; only one can be kept — remove or rename one`, keyStart);
        keys.add(key);
      }
      ws();
      if (text[i] !== ':') fail(`expected ":" after a property name, found ${describe(i)}`);
      i++;
      value();
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return;
      }
      fail(i >= text.length ? 'the file ends inside an object' : `expected "," or "}", found ${describe(i)}`);
    }
  };
  const array = () => {
    i++;
    ws();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      value();
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return;
      }
      fail(i >= text.length ? 'the file ends inside a list' : `expected "," or "]", found ${describe(i)}`);
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${describe(i)} after the end of the data`);
    return null;
  } catch (err) {
    if (typeof err === 'object' && err !== null && 'offset' in err) return err as JsonSyntaxError;
    if (err instanceof RangeError) return { offset: i, message: 'lists or objects nested too deeply' };
    throw err;
  }
}
