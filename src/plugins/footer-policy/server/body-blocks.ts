import type { BodyBlock } from '../core';

export type Component = { __component?: string; text?: unknown } & Record<string, unknown>;
type Tagged = BodyBlock & { component: Component };

const KINDS: Record<string, BodyBlock['kind']> = {
  'article.paragraph': 'paragraph',
  'article.subheading': 'subheading',
  'article.quote': 'quote',
};

/** Dynamic-zone components as the core's body blocks, each remembering the component it came from. */
export const toBlocks = (components: ReadonlyArray<Component>): Tagged[] =>
  components.map((component) => {
    const kind = KINDS[component.__component ?? ''] ?? 'other';
    return kind === 'other' || typeof component.text !== 'string'
      ? { kind: 'other', component }
      : { kind, text: component.text, component };
  });

/** Back to components: untouched blocks give back their own component, shortened ones a copy. */
export const toComponents = (blocks: ReadonlyArray<Tagged>): Component[] =>
  blocks.map((block) => (block.kind === 'other' || block.text === block.component.text ? block.component : { ...block.component, text: block.text }));
