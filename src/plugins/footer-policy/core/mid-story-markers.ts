import { toPersianDigits } from '@pishkhan/persian-text-rules';
import { analyseLine } from './line-analysis';
import { BodyBlock, isTextBlock, linesOf, Message } from './types';

/** A footer with story text after it: two stories were pasted into one. */
export interface MidStoryMarker {
  /** Index of the block in the body, counting blocks without text too. */
  blockIndex: number;
  /** 1-based line within the block's text. */
  line: number;
  /** The end of that line, where the footer stands. */
  excerpt: string;
}

const EXCERPT_LENGTH = 60;

const excerptOf = (line: string): string => {
  const text = line.trim();
  return text.length > EXCERPT_LENGTH ? `…${text.slice(-EXCERPT_LENGTH).trimStart()}` : text;
};

/**
 * Footers (by the same line rule as stripTrailingFooter) followed by a line of story anywhere later in
 * the body. Blank and decoration lines and blocks without text after a footer do not count as story.
 */
export const findMidStoryMarkers = (blocks: ReadonlyArray<BodyBlock>): MidStoryMarker[] => {
  const markers: MidStoryMarker[] = [];
  let pending: MidStoryMarker[] = [];
  blocks.forEach((block, blockIndex) => {
    if (!isTextBlock(block)) return;
    linesOf(block).forEach((text, at) => {
      const line = analyseLine(text);
      const hasStory = line.kind === 'story' || (line.kind === 'footer' && line.kept !== '');
      if (hasStory) {
        markers.push(...pending);
        pending = [];
      }
      if (line.kind === 'footer')
        pending.push({ blockIndex, line: at + 1, excerpt: excerptOf(text) });
    });
  });
  return markers;
};

/** The publishing error for a mid-story marker, naming its block (and line, past the first) as editors count them. */
export const describeMarkerPosition = (marker: MidStoryMarker): Message => {
  const block = marker.blockIndex + 1;
  const enPlace = marker.line > 1 ? `block ${block}, line ${marker.line}` : `block ${block}`;
  const faPlace =
    marker.line > 1
      ? `بند ${toPersianDigits(block)}، سطر ${toPersianDigits(marker.line)}`
      : `بند ${toPersianDigits(block)}`;
  return {
    en:
      `The end-of-story marker «انتهای پیام» appears mid-story (${enPlace}) and more text follows it; ` +
      'two stories were probably merged. Remove it or split the story before publishing.',
    fa:
      `نشانه‌ی «انتهای پیام» در میانه‌ی متن (${faPlace}) آمده و پس از آن متن دیگری هست؛ ` +
      'احتمالاً دو خبر در هم ادغام شده‌اند. پیش از انتشار آن را بردارید یا خبر را جدا کنید.',
  };
};
