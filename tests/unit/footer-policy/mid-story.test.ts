import {
  describeMarkerPosition,
  findMidStoryMarkers,
  stripTrailingFooter,
} from '../../../src/plugins/footer-policy/core';
import { h, img, p, STORY } from './blocks';

const [first, last] = STORY;
const second = p('به گزارش خبرنگار ما، خبر دوم از اینجا آغاز می‌شود.');

describe('findMidStoryMarkers', () => {
  it('finds a footer paragraph with another story after it', () => {
    expect(findMidStoryMarkers([first, last, p('انتهای پیام/ ۲۳'), second])).toEqual([
      { blockIndex: 2, line: 1, excerpt: 'انتهای پیام/ ۲۳' },
    ]);
  });

  it('finds a footer closing a paragraph after its last sentence', () => {
    const markers = findMidStoryMarkers([first, p(`${last.text} انتهای پیام`), second]);
    expect(markers).toHaveLength(1);
    expect(markers[0].blockIndex).toBe(1);
    expect(markers[0].excerpt.endsWith('انتهای پیام')).toBe(true);
    expect(markers[0].excerpt.startsWith('…')).toBe(true);
  });

  it('finds a footer on its own line inside a paragraph, with its line number', () => {
    expect(findMidStoryMarkers([p('خبر اول تمام شد.\nانتهای پیام\nخبر دوم آغاز شد.')])).toEqual([
      { blockIndex: 0, line: 2, excerpt: 'انتهای پیام' },
    ]);
  });

  it('counts a subheading after the footer as story', () => {
    expect(findMidStoryMarkers([first, p('**انتهای پیام**'), h('خبر دوم')])).toHaveLength(1);
  });

  it('counts images in the block index but not as story', () => {
    expect(findMidStoryMarkers([img(), first, p('انتهای پیام'), second])[0].blockIndex).toBe(2);
    expect(findMidStoryMarkers([first, p('انتهای پیام'), img(), p('---')])).toEqual([]);
  });

  it('ignores the footer at the end and reports only the inner one', () => {
    const blocks = [first, p('انتهای پیام'), second, p('انتهای پیام')];
    expect(findMidStoryMarkers(blocks).map((m) => m.blockIndex)).toEqual([1]);
  });

  it('reports every inner marker, duplicates included', () => {
    const blocks = [first, p('انتهای پیام'), p('انتهای پیام'), second];
    expect(findMidStoryMarkers(blocks).map((m) => m.blockIndex)).toEqual([1, 2]);
  });

  it('finds nothing in a clean body or one that only ends with footers', () => {
    expect(findMidStoryMarkers(STORY)).toEqual([]);
    expect(
      findMidStoryMarkers([first, last, p('---'), p('انتهای پیام'), p('انتهای پیام/ ۲')])
    ).toEqual([]);
    expect(findMidStoryMarkers([])).toEqual([]);
  });

  it('leaves a merged body to the editor: stripping removes only the final footer', () => {
    const blocks = [first, p('انتهای پیام'), second, p('انتهای پیام')];
    expect(stripTrailingFooter(blocks).blocks).toEqual([first, p('انتهای پیام'), second]);
  });
});

describe('describeMarkerPosition', () => {
  it('names the block in Persian digits', () => {
    expect(describeMarkerPosition({ blockIndex: 3, line: 1, excerpt: 'انتهای پیام' })).toEqual({
      en:
        'The end-of-story marker «انتهای پیام» appears mid-story (block 4) and more text follows it; ' +
        'two stories were probably merged. Remove it or split the story before publishing.',
      fa:
        'نشانه‌ی «انتهای پیام» در میانه‌ی متن (بند ۴) آمده و پس از آن متن دیگری هست؛ ' +
        'احتمالاً دو خبر در هم ادغام شده‌اند. پیش از انتشار آن را بردارید یا خبر را جدا کنید.',
    });
  });

  it('adds the line past the first', () => {
    const message = describeMarkerPosition({ blockIndex: 11, line: 3, excerpt: 'انتهای پیام' });
    expect(message.fa).toContain('(بند ۱۲، سطر ۳)');
    expect(message.en).toContain('(block 12, line 3)');
  });
});
