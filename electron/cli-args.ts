// The CLI's arguments, read by node:util parseArgs. A word with one leading dash stays a word
// ("-russia" is a search query's excluded word, not the options r, u, s...); an unknown --option
// is a usage error.
import { parseArgs } from 'node:util';

type OptionSpec = { type: 'string' | 'boolean'; short?: string };
type Values<O extends Record<string, OptionSpec>> = { [K in keyof O]?: O[K]['type'] extends 'string' ? string : boolean };

export function readArgs<O extends Record<string, OptionSpec>>(args: string[], options: O, usageError: (problem: string) => Error): { values: Values<O>; words: string[] } {
  const { tokens } = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
  const values: Record<string, string | boolean> = {};
  const words: string[] = [];
  const wordAt = new Set<number>();
  for (const token of tokens) {
    if (token.kind === 'positional') words.push(token.value);
    else if (token.kind !== 'option') continue;
    // A short option counts only as itself ("-h"), not as a letter of a dashed word ("-ohio").
    else if (Object.hasOwn(options, token.name) && (token.rawName.startsWith('--') || args[token.index] === token.rawName)) {
      if (options[token.name]!.type === 'boolean') values[token.name] = true;
      else if (token.value === undefined) throw usageError(`${token.rawName} needs a value`);
      else values[token.name] = token.value;
    } else if (token.rawName.startsWith('--')) throw usageError(`unknown option ${token.rawName}`);
    else if (!wordAt.has(token.index)) {
      wordAt.add(token.index);
      words.push(args[token.index]!);
    }
  }
  return { values: values as Values<O>, words };
}
