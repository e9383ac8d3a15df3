/**
 * What saving will do to the body being edited, worked out in the browser with the same pure core the
 * server runs on save: typed footers at the end (removed on save) and footers left mid-story (publishing
 * refused).
 */
import {
  describeMarkerPosition,
  findMidStoryMarkers,
  stripTrailingFooter,
  BodyBlock,
  FooterWarning,
  Message,
} from '../../../core';

/** The configured body components by kind, and the field of their text (config `blocks`). */
export interface BlockNames {
  paragraph: string[];
  subheading: string[];
  quote: string[];
  text: string;
}

type Component = Record<string, unknown> & { __component?: string };

const kindOf = (blocks: BlockNames, component: string | undefined): BodyBlock['kind'] => {
  for (const kind of ['paragraph', 'subheading', 'quote'] as const)
    if (component && blocks[kind].includes(component)) return kind;
  return 'other';
};

const toBlocks = (components: ReadonlyArray<Component>, blocks: BlockNames): BodyBlock[] =>
  components.map((component) => {
    const kind = kindOf(blocks, component.__component);
    const text = component[blocks.text];
    return kind === 'other' || typeof text !== 'string' ? { kind: 'other' } : { kind, text };
  });

export interface LiveFooter {
  /** Footers typed at the end of the body, as typed. */
  removed: string[];
  /** The core's notes about them (what is removed, duplicates, conflicting codes). */
  warnings: FooterWarning[];
  /** Footers with story after them, described for editors. */
  midStory: Message[];
  /** A reporter code found in a typed footer, when the field is empty. */
  reporterCode: string | null;
}

export const liveFooter = (body: unknown, blocks: BlockNames): LiveFooter => {
  const components = Array.isArray(body) ? (body as Component[]) : [];
  const stripped = stripTrailingFooter(toBlocks(components, blocks));
  return {
    removed: stripped.removed,
    warnings: stripped.warnings,
    midStory: findMidStoryMarkers(stripped.blocks).map(describeMarkerPosition),
    reporterCode: stripped.reporterCode,
  };
};
