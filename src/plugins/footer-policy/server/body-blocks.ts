import type { BodyBlock } from '../core';
import type { FooterPolicyConfig } from './config';

export type Component = { __component?: string } & Record<string, unknown>;
type Tagged = BodyBlock & { component: Component };
type Blocks = FooterPolicyConfig['blocks'];

const kindOf = (blocks: Blocks, type: string): BodyBlock['kind'] =>
  blocks.paragraph.includes(type)
    ? 'paragraph'
    : blocks.subheading?.includes(type)
      ? 'subheading'
      : blocks.quote?.includes(type)
        ? 'quote'
        : 'other';

/** Dynamic-zone components as the core's body blocks, each remembering the component it came from. */
export const toBlocks = (components: ReadonlyArray<Component>, blocks: Blocks): Tagged[] =>
  components.map((component) => {
    const kind = kindOf(blocks, component.__component ?? '');
    const text = component[blocks.text];
    return kind === 'other' || typeof text !== 'string'
      ? { kind: 'other', component }
      : { kind, text, component };
  });

/** Back to components: untouched blocks give back their own component, shortened ones a copy. */
export const toComponents = (blocks: ReadonlyArray<Tagged>, config: Blocks): Component[] =>
  blocks.map((block) =>
    block.kind === 'other' || block.text === block.component[config.text]
      ? block.component
      : { ...block.component, [config.text]: block.text }
  );
