import { JalaliDateError, parseJalaliToUtc } from '@pishkhan/jalali-core';
import { looksJalali } from './filters';

type ValueNode = { kind: string; value?: unknown };
export interface ScalarParsing {
  parseValue(value: unknown): unknown;
  parseLiteral(node: ValueNode, variables?: Record<string, unknown> | null): unknown;
}

/**
 * An impossible Jalali date, refused the way graphql-js refuses any bad scalar input ("Expected value of
 * type DateTime …; <message>"): graphql-js keeps a thrown error's `extensions`, so the Persian message
 * and REST's `details.code` reach the answer beside the English one. Apollo leaves an error that has a
 * code as it is (a 500 by default): a bad variable says it is the caller's (BAD_USER_INPUT, 400) itself;
 * in the query's text, validation's own code and 400 replace these.
 */
const refusal = (value: string, error: JalaliDateError) =>
  Object.assign(new Error(`Invalid Jalali date "${value}": ${error.message}`), {
    extensions: {
      code: 'BAD_USER_INPUT',
      http: { status: 400 },
      messageFa: error.messageFa,
      details: { code: error.code },
    },
  });

const toIso = (value: string): string => {
  try {
    return parseJalaliToUtc(value).toISOString();
  } catch (error) {
    if (error instanceof JalaliDateError) throw refusal(value, error);
    throw error;
  }
};

/**
 * GraphQL's DateTime inputs take a Jalali date as REST's filters do (`filters: { publishedOn: { gte:
 * "1396/08/01" } }`, any digits: Tehran midnight of that day, or the time given). The scalar is one for
 * every DateTime field, so a Jalali form is read wherever a DateTime is written or compared; anything
 * else goes to the scalar's own parsing unchanged.
 */
export const jalaliDateTimeInput = (base: ScalarParsing): ScalarParsing => ({
  parseValue: (value) =>
    base.parseValue(typeof value === 'string' && looksJalali(value) ? toIso(value) : value),
  parseLiteral: (node, variables) =>
    node.kind === 'StringValue' && typeof node.value === 'string' && looksJalali(node.value)
      ? base.parseValue(toIso(node.value))
      : base.parseLiteral(node, variables),
});
