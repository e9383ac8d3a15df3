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

const KINDS: Record<string, BodyBlock['kind']> = {
  'article.paragraph': 'paragraph',
  'article.subheading': 'subheading',
  'article.quote': 'quote',
};

type Component = { __component?: string; text?: unknown };

const toBlocks = (components: ReadonlyArray<Component>): BodyBlock[] =>
  components.map((component) => {
    const kind = KINDS[component.__component ?? ''] ?? 'other';
    return kind === 'other' || typeof component.text !== 'string'
      ? { kind: 'other' }
      : { kind, text: component.text };
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

export const liveFooter = (body: unknown): LiveFooter => {
  const components = Array.isArray(body) ? (body as Component[]) : [];
  const stripped = stripTrailingFooter(toBlocks(components));
  return {
    removed: stripped.removed,
    warnings: stripped.warnings,
    midStory: findMidStoryMarkers(stripped.blocks).map(describeMarkerPosition),
    reporterCode: stripped.reporterCode,
  };
};
