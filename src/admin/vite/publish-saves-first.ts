import { moduleEdit } from './module-edit';

/**
 * «انتشار» on a story never saved sends create-and-publish as one request, so a publish the server refuses
 * (the footer policy's two «انتهای پیام» in one story) saved nothing: the editor stayed on «ساختن مورد
 * تازه» with the draft only in the browser. The edit view's publish action now saves a new story first,
 * exactly as «ذخیره» does, and then publishes the saved draft; refused, the editor is taken to the saved
 * draft, where the refusal's notification and the footer panel's warning are shown.
 */
const PUBLISH_SAVING_FIRST = `
async function __pishkhanPublishSavingFirst({ publish, create, navigate, resetForm, getValues, rawQuery }, target, data) {
  const created = await create({ model: target.model, params: target.params }, data);
  if (!('data' in created)) return created;
  const published = await publish({ ...target, documentId: created.data.documentId }, data);
  if (!('data' in published)) {
    resetForm(getValues());
    navigate({ pathname: \`../\${target.collectionType}/\${target.model}/\${created.data.documentId}\`, search: rawQuery }, { replace: true });
  }
  return published;
}
`;

const PUBLISH_CALL =
  /const res = await publish\((\{\s*collectionType,\s*model,\s*documentId,\s*params: currentDocumentMeta\.params\s*\}), data\);/;

export const publishSavesNewStoryFirst = () =>
  moduleEdit({
    name: 'publish-saves-new-story-first',
    modules:
      /\/@strapi\/content-manager\/dist\/admin\/pages\/EditView\/components\/DocumentActions\.mjs$/,
    edit: (code) => {
      const hooks = 'const { publish, isLoading } = useDocumentActions();';
      if (!code.includes(hooks) || !PUBLISH_CALL.test(code)) return code;
      const edited = code
        .replace(
          hooks,
          'const { publish, create: __pishkhanCreate, isLoading } = useDocumentActions();'
        )
        .replace(
          PUBLISH_CALL,
          `const res = idToPublish === 'create' && !fromRelationModal && collectionType !== SINGLE_TYPES
                ? await __pishkhanPublishSavingFirst({ publish, create: __pishkhanCreate, navigate, resetForm, getValues, rawQuery }, $1, data)
                : await publish($1, data);`
        );
      return `${edited}\n${PUBLISH_SAVING_FIRST}`;
    },
    cannot: "the edit view's publish action changed; cannot save a new story before publishing it",
  });
