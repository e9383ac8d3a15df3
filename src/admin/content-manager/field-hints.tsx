import * as React from 'react';
import { FormattedMessage } from 'react-intl';
import { hintKey, UID_BY_DISPLAY_NAME } from '../translations/content-types';

/**
 * Fields the server computes on every save (footer-policy): shown in the side panel, never typed.
 * Their schema hides them with `pluginOptions['content-manager'].visible`, which 5.54's edit view
 * does not read, so they are taken out of the layout here too.
 */
const COMPUTED_FIELDS: Record<string, ReadonlySet<string>> = {
  'api::article.article': new Set(['footer', 'footerLine', 'footerNotes']),
};

/**
 * Field hints in the interface language. The edit view takes hints from the stored view configuration
 * (one language, set by hand); this `mutate-edit-view-layout` hook replaces them, for our content types
 * and components, with translated messages wherever we wrote one.
 */
interface Field {
  name: string;
  hint?: React.ReactNode;
  [key: string]: unknown;
}

interface EditLayout {
  layout: Field[][][];
  components: Record<string, { layout: Field[][]; [key: string]: unknown }>;
  settings?: { displayName?: string };
  [key: string]: unknown;
}

const withHint =
  (uid: string, known: ReadonlySet<string>) =>
  (field: Field): Field => {
    const id = hintKey(uid, field.name);
    if (!known.has(id)) return field;
    return {
      ...field,
      hint: (
        <FormattedMessage
          id={id}
          defaultMessage={typeof field.hint === 'string' ? field.hint : ' '}
        />
      ),
    };
  };

export const translatedFieldHints =
  (known: ReadonlySet<string>) =>
  <T extends { layout: EditLayout }>(args: T): T => {
    const uid = UID_BY_DISPLAY_NAME[args.layout?.settings?.displayName ?? ''];
    if (!uid) return args;
    const { layout } = args;
    const computed = COMPUTED_FIELDS[uid];
    const shown = (row: Field[]) =>
      computed ? row.filter((field) => !computed.has(field.name)) : row;
    const components = Object.fromEntries(
      Object.entries(layout.components ?? {}).map(([componentUid, component]) => [
        componentUid,
        {
          ...component,
          layout: component.layout.map((row) => row.map(withHint(componentUid, known))),
        },
      ])
    );
    return {
      ...args,
      layout: {
        ...layout,
        components,
        layout: layout.layout
          .map((panel) =>
            panel.map((row) => shown(row).map(withHint(uid, known))).filter((row) => row.length > 0)
          )
          .filter((panel) => panel.length > 0),
      },
    };
  };
