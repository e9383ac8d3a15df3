/**
 * JSON Schemas of what the content API answers for each content type and component, from their Strapi
 * schemas. Strapi's generator has its own (`Api…Document`), but they describe a write more than a read:
 * documentIds as UUIDs (Strapi 5 makes cuid2s), no null for an empty field, `required` fields a `fields`
 * selection leaves out, a `default` of the generation moment, dynamic zones as `{}`. These replace them
 * under the same names, so Strapi's `$ref`s keep pointing at them.
 */
const ref = (name) => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema) =>
  schema.$ref ? { anyOf: [schema, { type: 'null' }] } : { ...schema, type: [schema.type, 'null'] };

/** Strapi's own naming: api::article.article → ApiArticleArticleDocument, article.quote → ArticleQuoteEntry. */
const documentName = (uid) =>
  `${uid
    .replace(/[^a-zA-Z0-9]+/g, ' ')
    .replace(/(^| )([a-z])/g, (_, _s, c) => c.toUpperCase())
    .replace(/ /g, '')}Document`;
const componentName = (uid) => `${documentName(uid).replace(/Document$/, '')}Entry`;

const SCALARS = {
  string: { type: 'string' },
  text: { type: 'string' },
  richtext: { type: 'string' },
  uid: { type: 'string' },
  email: { type: 'string', format: 'email' },
  integer: { type: 'integer' },
  biginteger: { type: 'string' },
  float: { type: 'number' },
  decimal: { type: 'number' },
  boolean: { type: 'boolean' },
  datetime: { type: 'string', format: 'date-time' },
  date: { type: 'string', format: 'date' },
  time: { type: 'string' },
};

const attributeSchema = (attribute, names) => {
  if (attribute.private) return undefined;
  const described = (schema) =>
    attribute.description ? { ...schema, description: attribute.description } : schema;
  switch (attribute.type) {
    case 'json':
      return {};
    case 'enumeration':
      return described({ type: ['string', 'null'], enum: [...attribute.enum, null] });
    case 'media': {
      const file = ref(names.get('plugin::upload.file'));
      return attribute.multiple ? { type: ['array', 'null'], items: file } : nullable(file);
    }
    case 'relation': {
      const target = names.get(attribute.target);
      if (!target || attribute.relation.startsWith('morph')) return undefined;
      return /Many$/.test(attribute.relation)
        ? { type: 'array', items: ref(target) }
        : nullable(ref(target));
    }
    case 'component': {
      const entry = ref(names.get(attribute.component));
      return attribute.repeatable ? { type: 'array', items: entry } : nullable(entry);
    }
    case 'dynamiczone':
      return {
        type: 'array',
        items: { oneOf: attribute.components.map((uid) => ref(names.get(uid))) },
      };
    default:
      if (!SCALARS[attribute.type])
        throw new Error(`No schema for attribute type ${attribute.type}`);
      // A required field is never null once stored (drafts included: the API refuses a blank one).
      return described(
        attribute.required ? SCALARS[attribute.type] : nullable(SCALARS[attribute.type])
      );
  }
};

const objectSchema = (uid, attributes, names, labels, base, required) => {
  const properties = { ...base };
  for (const [name, attribute] of Object.entries(attributes)) {
    const schema = attributeSchema(attribute, names);
    const description = labels.fieldDescription(uid, name);
    if (schema) properties[name] = description ? { description, ...schema } : schema;
  }
  return { type: 'object', properties, required, additionalProperties: false };
};

/**
 * Schemas of `uids` (content types) and every component, named like Strapi's, described with the
 * admin's names and hints (`labels`, labels.js). Only `id` and `documentId`
 * are required: a `fields` selection or an unpopulated relation leaves any other key out.
 */
const entitySchemas = (strapi, uids, labels) => {
  const names = new Map([
    ...uids.map((uid) => [uid, documentName(uid)]),
    ...Object.keys(strapi.components).map((uid) => [uid, componentName(uid)]),
  ]);
  const schemas = {};
  for (const uid of uids) {
    const { attributes, info } = strapi.contentType(uid);
    const schema = objectSchema(
      uid,
      attributes,
      names,
      labels,
      { id: { type: 'integer' }, documentId: { type: 'string', minLength: 1 } },
      ['id', 'documentId']
    );
    if (strapi.contentType(uid).pluginOptions?.i18n?.localized)
      schema.properties.localizations = { type: 'array', items: ref(names.get(uid)) };
    const description = labels.typeDescription(uid);
    schemas[names.get(uid)] = {
      title: info.displayName,
      ...(description ? { description } : {}),
      ...schema,
    };
  }
  for (const [uid, component] of Object.entries(strapi.components)) {
    const base = { __component: { const: uid }, id: { type: 'integer' } };
    const description = labels.typeDescription(uid);
    schemas[names.get(uid)] = {
      title: component.info.displayName,
      ...(description ? { description } : {}),
      ...objectSchema(uid, component.attributes, names, labels, base, ['id']),
    };
  }
  return { schemas, documentName: (uid) => names.get(uid) };
};

module.exports = { entitySchemas, documentName };
