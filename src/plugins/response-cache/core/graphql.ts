/**
 * GraphQL requests: queries are cacheable, keyed on the normalized document, the variables and the
 * operation name; mutations, subscriptions, batches, persisted-query hashes without a document and
 * anything asking for drafts are not. The parser is handed in (the `graphql` package of the GraphQL
 * plugin), so this stays free of Strapi.
 */
import { stableStringify } from './stable-json';

export interface GraphqlParser {
  parse(source: string): {
    definitions: ReadonlyArray<{ kind: string; operation?: string; name?: { value: string } }>;
  };
  print(document: unknown): string;
}

export type GraphqlDecision =
  | { cacheable: true; key: string }
  | { cacheable: false; reason: 'mutation' | 'draft' | 'unparsable' };

const DRAFT = /\bDRAFT\b/;

export interface GraphqlClassifier {
  classify(payload: unknown): GraphqlDecision;
}

/** `memo` bounds the number of parsed documents remembered (query text → normalized text and kind). */
export const createGraphqlClassifier = (parser: GraphqlParser, memo = 500): GraphqlClassifier => {
  type Parsed = { printed: string; operations: Array<{ operation: string; name?: string }> } | null;
  const seen = new Map<string, Parsed>();

  const parse = (query: string): Parsed => {
    const known = seen.get(query);
    if (known !== undefined) return known;
    let parsed: Parsed;
    try {
      const document = parser.parse(query);
      parsed = {
        printed: parser.print(document),
        operations: document.definitions
          .filter((definition) => definition.kind === 'OperationDefinition')
          .map((definition) => ({
            operation: String(definition.operation),
            name: definition.name?.value,
          })),
      };
    } catch {
      parsed = null;
    }
    if (seen.size >= memo) seen.delete(seen.keys().next().value as string);
    seen.set(query, parsed);
    return parsed;
  };

  return {
    classify(payload) {
      if (!payload || typeof payload !== 'object' || Array.isArray(payload))
        return { cacheable: false, reason: 'unparsable' };
      const { query, variables, operationName } = payload as {
        query?: unknown;
        variables?: unknown;
        operationName?: unknown;
      };
      if (typeof query !== 'string' || !query.trim())
        return { cacheable: false, reason: 'unparsable' };
      if (
        operationName !== undefined &&
        operationName !== null &&
        typeof operationName !== 'string'
      ) {
        return { cacheable: false, reason: 'unparsable' };
      }
      if (
        variables !== undefined &&
        variables !== null &&
        (typeof variables !== 'object' || Array.isArray(variables))
      ) {
        return { cacheable: false, reason: 'unparsable' };
      }
      const parsed = parse(query);
      if (!parsed || parsed.operations.length === 0)
        return { cacheable: false, reason: 'unparsable' };
      // Any mutation or subscription in the document: never cached, whichever operation is selected.
      if (parsed.operations.some((operation) => operation.operation !== 'query'))
        return { cacheable: false, reason: 'mutation' };
      const selected = operationName
        ? parsed.operations.filter((operation) => operation.name === operationName)
        : parsed.operations;
      if (selected.length !== 1) return { cacheable: false, reason: 'unparsable' };
      const vars = stableStringify(variables ?? {});
      if (DRAFT.test(parsed.printed) || DRAFT.test(vars))
        return { cacheable: false, reason: 'draft' };
      return {
        cacheable: true,
        key: `POST graphql\n${parsed.printed}\n${vars}\n${operationName ?? ''}`,
      };
    },
  };
};
