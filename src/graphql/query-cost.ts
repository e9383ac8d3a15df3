import type { ApolloServerPlugin } from '@apollo/server';
import { FieldNode, GraphQLError, GraphQLField } from 'graphql';
import { errors } from '@strapi/utils';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { paginationProblem } from '../lib/pagination-range';
import { toPersianDigits } from '../persian';

export interface CostBudgets {
  /** The budget of every request but those of full-access API tokens. */
  budget: number;
  /** The budget of full-access API tokens (previews, exports). */
  fullAccessBudget: number;
  /** What a list counts when no page size is asked for (the graphql plugin's `defaultLimit`). */
  defaultPageSize: number;
}

type Auth = { strategy?: { name?: string }; credentials?: { type?: string } } | undefined;
type StrapiContext = { state?: { auth?: Auth } };

const badRequest = { status: 400, headers: new Map() };

const refuse = (node: FieldNode, message: string, details: Record<string, unknown>) =>
  new GraphQLError(message, {
    nodes: node,
    extensions: { code: 'BAD_USER_INPUT', ...details, http: badRequest },
  });

/**
 * Arguments checked before anything runs, so a bad one is a 400 naming it instead of a clamp, page 1, a
 * database error or an error inside a 200: every field's pagination numbers, and what a field's resolver
 * declares in `extensions.checkArguments` (a function throwing Strapi's ValidationError).
 */
const checkArguments = (
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  args: Record<string, unknown>
) => {
  const problem = paginationProblem(
    args.pagination,
    (key) => `${node.name.value}(pagination.${key})`
  );
  if (problem) {
    const { message, ...details } = problem;
    throw refuse(node, message, details);
  }
  const declared = field.extensions?.checkArguments as ((args: unknown) => void) | undefined;
  try {
    declared?.(args);
  } catch (error) {
    if (error instanceof errors.ValidationError) {
      // The error's own code (MONTH_OUT_OF_RANGE, …) becomes `reason`: `code` is GraphQL's.
      const { code: reason, ...details } = error.details as Record<string, unknown>;
      throw refuse(node, `${node.name.value}: ${error.message}`, { ...details, reason });
    }
    throw error;
  }
};

/** Every field costs 1 plus what it selects; a field taking `pagination` costs its page size times that. */
const costEstimator =
  (defaultPageSize: number): ComplexityEstimator =>
  ({ field, node, args, childComplexity }) => {
    checkArguments(field, node, args);
    if (!field.args.some((arg) => arg.name === 'pagination')) return 1 + childComplexity;
    const pageSize: number = args.pagination?.pageSize ?? args.pagination?.limit ?? defaultPageSize;
    return pageSize * (1 + childComplexity);
  };

/**
 * The operation's cost. Costing coerces the variables first, so variables the operation cannot take
 * («Variable "$data" got invalid value …») are refused here, before execution would refuse them: a 400
 * for the caller, not the 500 Apollo gives an error without a code thrown from a plugin.
 */
const costOf = (options: Parameters<typeof getComplexity>[0]): number => {
  try {
    return getComplexity(options);
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === undefined) {
      throw new GraphQLError(error.message, {
        nodes: error.nodes,
        extensions: { code: 'BAD_USER_INPUT', http: badRequest },
      });
    }
    throw error;
  }
};

/**
 * Refuses an operation whose cost is over the caller's budget with a 400, after validation and before
 * execution, when the variables are known (docs/api.md, "GraphQL limits").
 */
export const queryCostPlugin = ({
  budget,
  fullAccessBudget,
  defaultPageSize,
}: CostBudgets): ApolloServerPlugin => {
  const estimators = [costEstimator(defaultPageSize)];
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, contextValue }) {
          const cost = costOf({
            schema,
            query: document,
            variables: request.variables,
            operationName: request.operationName,
            estimators,
          });
          const auth = (contextValue as StrapiContext).state?.auth;
          const fullAccess =
            auth?.strategy?.name === 'content-api-token' &&
            auth.credentials?.type === 'full-access';
          const allowed = fullAccess ? fullAccessBudget : budget;
          if (cost > allowed) {
            throw new GraphQLError(`Query cost ${cost} is over the budget of ${allowed}`, {
              extensions: {
                code: 'GRAPHQL_VALIDATION_FAILED',
                limit: 'cost',
                max: allowed,
                found: cost,
                messageFa: `هزینه‌ی این پرس‌وجو ${toPersianDigits(cost)} است، بیش از سقف ${toPersianDigits(allowed)}.`,
                http: badRequest,
              },
            });
          }
        },
      };
    },
  };
};
