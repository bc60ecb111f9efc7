/**
 * Finds where a JSON text first goes wrong, as an offset and a reason. JSON.parse's messages on
 * Node 20 do not always carry a position, and people need a line and a column.
 */
export interface JsonErrorLocation {
  offset: number;
  reason: string;
}

export function locateJsonError(text: string): JsonErrorLocation | undefined {
  let i = 0;
  const fail = (reason: string): never => {
    throw { offset: i, reason } satisfies JsonErrorLocation;
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`unexpected ${describeAt()}`);
  };
  const describeAt = () => (i >= text.length ? 'end of input' : `character ${JSON.stringify(text[i])}`);
  const string = () => {
    i++; // opening quote
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '"') {
        i++;
        return;
      }
      if (ch === '\\') {
        i++;
        if (!'"\\/bfnrtu'.includes(text[i] ?? '')) fail('invalid escape in string');
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('invalid \\u escape in string');
          i += 4;
        }
      } else if (ch < ' ') {
        fail('control character or line break inside a string');
      }
      i++;
    }
    fail('unterminated string');
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail(`unexpected ${describeAt()}`);
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a property name in double quotes, found ${describeAt()}`);
        string();
        ws();
        if (text[i] !== ':') fail(`expected ':' after the property name, found ${describeAt()}`);
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === '}') fail('trailing comma before }');
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(`expected ',' or '}', found ${describeAt()}`);
      }
    } else if (ch === '[') {
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
          ws();
          if (text[i] === ']') fail('trailing comma before ]');
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(`expected ',' or ']', found ${describeAt()}`);
      }
    } else if (ch === '"') string();
    else if (ch === 't') literal('true');
    else if (ch === 'f') literal('false');
    else if (ch === 'n') literal('null');
    else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) number();
    else fail(`unexpected ${describeAt()}`);
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${describeAt()} after the end of the document`);
    return undefined;
  } catch (e) {
    if (e && typeof e === 'object' && 'offset' in e) return e as JsonErrorLocation;
    throw e;
  }
}
