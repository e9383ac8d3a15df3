import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, ValidationContext } from 'graphql';
import { toPersianDigits } from '../persian';
import { CostBudgets, queryCostPlugin } from './query-cost';

export interface OperationLimits extends CostBudgets {
  /** Levels of fields, counted as a reader counts them: `{ articles { title } }` is 2 deep. */
  depth: number;
  aliases: number;
  directives: number;
  /** Tokens of the document (names, punctuation, values). */
  tokens: number;
}

const persian: Record<string, (max: number) => string> = {
  depth: (max) => `عمق پرس‌وجو بیش از ${toPersianDigits(max)} سطح است.`,
  aliases: (max) => `پرس‌وجو بیش از ${toPersianDigits(max)} نام مستعار دارد.`,
  directives: (max) => `پرس‌وجو بیش از ${toPersianDigits(max)} دستور (directive) دارد.`,
  tokens: (max) => `پرس‌وجو بیش از ${toPersianDigits(max)} نشانه دارد.`,
};

/** GraphQL Armor rejects with "Syntax Error: …"; ours say which limit and the figure found, in both languages. */
const reject =
  (limit: string, max: number) => (context: ValidationContext | null, error: GraphQLError) => {
    const found = Number(/found (\d+)/.exec(error.message)?.[1]);
    context?.reportError(
      new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
        extensions: {
          limit,
          max,
          ...(Number.isFinite(found) ? { found } : {}),
          messageFa: persian[limit](max),
        },
      })
    );
  };

/** graphql-js aborts the parse past `maxTokens` with a syntax error ("more that N tokens", sic): give it our extensions. */
const tokenLimitMessages = (max: number): ApolloServerPlugin => ({
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) {
          if (/Document contains more tha[nt] \d+ tokens/.test(error.message)) {
            Object.assign(error.extensions, {
              limit: 'tokens',
              max,
              messageFa: persian.tokens(max),
            });
          }
        }
      },
    };
  },
});

/**
 * Apollo Server options refusing abusive operations before they run, each with a 400 naming the limit:
 * depth, aliases and directives (GraphQL Armor's validation rules), tokens (graphql-js's parser) and a
 * cost budget (graphql-query-complexity). Strapi's graphql plugin appends these to its own.
 */
export const operationLimits = (limits: OperationLimits) => {
  const { validationRules } = new ApolloArmor({
    maxDepth: {
      n: limits.depth,
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [reject('depth', limits.depth)],
    },
    maxAliases: {
      n: limits.aliases,
      propagateOnRejection: false,
      onReject: [reject('aliases', limits.aliases)],
    },
    maxDirectives: {
      n: limits.directives,
      propagateOnRejection: false,
      onReject: [reject('directives', limits.directives)],
    },
    // Done by graphql-js's own parser below, which stops at the limit instead of parsing a second time.
    maxTokens: { enabled: false },
    // Our cost model counts page sizes; Armor's does not.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    validationRules,
    parseOptions: { maxTokens: limits.tokens },
    plugins: [tokenLimitMessages(limits.tokens), queryCostPlugin(limits)],
  };
};
