import type { ApolloServerPlugin } from '@apollo/server';
import { unwritableFieldMessageFa } from '../lib/unwritable-field-message';

/** graphql-js's refusal of an input field the type lacks, inline or inside a variable's value. */
const UNKNOWN_INPUT_FIELD = /Field "([^"]+)" is not defined by type "[^"]+"/;

/**
 * A write naming a field the input type lacks (one that does not exist, or one only the system writes,
 * such as `importKey`) is refused by GraphQL's own validation in English only: add the field and the
 * Persian `messageFa` the REST refusal carries.
 */
export const inputFieldMessages = (): ApolloServerPlugin => ({
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) {
          const field = UNKNOWN_INPUT_FIELD.exec(error.message)?.[1];
          if (field !== undefined)
            Object.assign(error.extensions, { field, messageFa: unwritableFieldMessageFa(field) });
        }
      },
    };
  },
});
