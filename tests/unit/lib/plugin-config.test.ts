import { parseFooterPolicyConfig } from '../../../src/plugins/footer-policy/server/config';
import { parsePersianTextConfig } from '../../../src/plugins/persian-text/server/config';

/** Each plugin's config is checked where it enters (the plugin's validator), every problem named. */
const footer = {
  text: 'انتهای پیام',
  mode: 'standard',
  articles: {
    uid: 'api::post.post',
    section: 'category',
    body: 'content',
    reporterCode: 'byline',
    footer: 'footer',
    footerLine: 'footerLine',
    footerNotes: 'footerNotes',
  },
  sections: {
    uid: 'api::category.category',
    parent: 'parent',
    mode: 'footerMode',
    text: 'footerText',
  },
  blocks: { paragraph: ['blog.paragraph'], text: 'body' },
};

describe('footer-policy config', () => {
  it('takes any content types and field names', () => {
    expect(parseFooterPolicyConfig(footer).articles.uid).toBe('api::post.post');
  });

  it('has no default for the schema: without the content types it names what is missing', () => {
    expect(() => parseFooterPolicyConfig({ text: 'انتهای پیام', mode: 'standard' })).toThrow(
      'footer-policy: invalid config in config/plugins.ts (articles: Required; sections: Required; blocks: Required)'
    );
  });

  it('refuses a bad mode and an empty footer, naming the fields', () => {
    expect(() => parseFooterPolicyConfig({ ...footer, mode: 'sometimes' })).toThrow(
      /mode: Invalid enum value. Expected 'standard' \| 'none', received 'sometimes'/
    );
    expect(() => parseFooterPolicyConfig({ ...footer, text: '   ' })).toThrow(
      'text: must not be empty'
    );
    expect(() =>
      parseFooterPolicyConfig({ ...footer, sections: { ...footer.sections, parent: '' } })
    ).toThrow('sections.parent: String must contain at least 1 character(s)');
  });
});

describe('persian-text config', () => {
  it('has no default for the schema: nothing is cleaned or indexed unless configured', () => {
    const config = parsePersianTextConfig({});
    expect(config.hygieneFields).toEqual({});
    expect(config.nonBlankFields).toEqual({});
    expect(config.search).toBeUndefined();
  });

  it('refuses a search without the fields it reads and a bad total bound', () => {
    expect(() => parsePersianTextConfig({ search: { uid: 'api::post.post' } })).toThrow(
      /search\.title: Required/
    );
    expect(() => parsePersianTextConfig({ searchExactTotalUpTo: 0 })).toThrow(
      'searchExactTotalUpTo: Number must be greater than 0'
    );
    expect(() => parsePersianTextConfig({ hygieneFields: { 'api::post.post': 'title' } })).toThrow(
      /hygieneFields\.api::post\.post: Expected array, received string/
    );
  });
});
