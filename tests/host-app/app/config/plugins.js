// The Pishkhan plugins on this blog's own content types: every uid and field name is the blog's.
module.exports = () => ({
  'jalali-date': { enabled: true },
  'persian-slug': { enabled: true },
  'footer-policy': {
    enabled: true,
    config: {
      text: 'پایان',
      articles: {
        uid: 'api::post.post',
        section: 'category',
        body: 'content',
        reporterCode: 'authorCode',
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
      blocks: { paragraph: ['blog.paragraph'], text: 'text' },
    },
  },
  'persian-text': {
    enabled: true,
    config: {
      hygieneFields: { 'api::post.post': ['title', 'summary', 'content.text'] },
      nonBlankFields: { 'api::post.post': { title: 'عنوان' } },
      search: {
        uid: 'api::post.post',
        title: 'title',
        lead: 'summary',
        slug: 'slug',
        publishedOn: 'postedOn',
        body: { field: 'content', text: 'text' },
        section: {
          relation: 'category',
          uid: 'api::category.category',
          parent: 'parent',
          slug: 'slug',
        },
      },
    },
  },
});
