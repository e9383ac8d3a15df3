import type { Core } from '@strapi/strapi';
import { stripTypedFooter } from './article-hooks';
import type { Component } from './body-blocks';
import { footerConfig } from './config';
import { footerResolver } from './materialize';

/**
 * `strapi.plugin('footer-policy').service('articles')`: the pipeline's footer steps for writers of many
 * new rows at once (the importer's batch path), so they need none of this plugin's files.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The body without its typed footer, the reporter code found there and the notes; refuses a footer mid-story when publishing. */
  strip: (body: ReadonlyArray<Component>, publishing: boolean) =>
    stripTypedFooter(footerConfig(strapi), body, publishing),
  /** The stored footer fields of a row linked to a section row, the sections read once. */
  resolver: () => footerResolver(strapi),
});
