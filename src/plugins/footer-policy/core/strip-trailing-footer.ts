import { analyseLine, FooterUnit } from './line-analysis';
import { FooterWarning, stripWarnings } from './strip-warnings';
import { BodyBlock, isTextBlock, linesOf } from './types';

export interface StripResult<B extends BodyBlock> {
  /** A new array; blocks that were not touched are the same objects. */
  blocks: B[];
  found: boolean;
  /** Each removed footer as typed, in body order. */
  removed: string[];
  /** The code of the last removed footer that had one, in Latin digits. */
  reporterCode: string | null;
  warnings: FooterWarning[];
}

/** Where the story ends: the block holding its last text and, when that block lost a tail, its new text. */
interface StoryEnd {
  index: number;
  text: string | null;
}

const joinKept = (lines: ReadonlyArray<string>): string => lines.join('\n').trimEnd();

/**
 * Removes typed footers from the end of a body. Text lines are read backwards from the end; blank and
 * decoration lines are passed over, footer lines are collected, and the first line of story ends the
 * walk (a footer line that keeps story text before its footer ends it too). Blocks without text are
 * passed over and kept. When a footer was collected, everything passed over except those blocks is
 * removed: the footers and the blank and separator lines around them. Otherwise the body is unchanged.
 */
export const stripTrailingFooter = <B extends BodyBlock>(
  blocks: ReadonlyArray<B>
): StripResult<B> => {
  const units: FooterUnit[] = [];
  let storyEnd: StoryEnd | null = null;

  walk: for (let index = blocks.length - 1; index >= 0; index -= 1) {
    if (!isTextBlock(blocks[index])) continue;
    const lines = linesOf(blocks[index]);
    let touched = false;
    for (let at = lines.length - 1; at >= 0; at -= 1) {
      const line = analyseLine(lines[at]);
      if (line.kind === 'blank') continue;
      if (line.kind === 'decoration') {
        touched = true;
        continue;
      }
      if (line.kind === 'footer') {
        units.unshift(...line.units);
        touched = true;
        if (line.kept === '') continue;
        storyEnd = { index, text: joinKept([...lines.slice(0, at), line.kept]) };
        break walk;
      }
      storyEnd = { index, text: touched ? joinKept(lines.slice(0, at + 1)) : null };
      break walk;
    }
  }

  if (units.length === 0) {
    return { blocks: blocks.slice(), found: false, removed: [], reporterCode: null, warnings: [] };
  }

  const kept: B[] = [];
  blocks.forEach((block, index) => {
    if (storyEnd === null || index > storyEnd.index) {
      if (!isTextBlock(block)) kept.push(block);
    } else if (index === storyEnd.index && storyEnd.text !== null) {
      kept.push({ ...block, text: storyEnd.text });
    } else {
      kept.push(block);
    }
  });

  const coded = units.filter((unit) => unit.code !== null);
  const reporterCode = coded.length > 0 ? coded[coded.length - 1].code : null;
  return {
    blocks: kept,
    found: true,
    removed: units.map((unit) => unit.raw),
    reporterCode,
    warnings: stripWarnings(units, reporterCode),
  };
};
