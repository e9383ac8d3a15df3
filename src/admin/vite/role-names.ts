import { moduleEdit } from './module-edit';

/**
 * The editor's role badges (the user menu in the navigation, the home page's profile widget) print the
 * role's name as stored, "Super Admin" in any language. Strapi has messages for its three built-in
 * roles (`Settings.permissions.users.<code>`, translated in translations/fa/admin.ts): a built-in role
 * still bearing Strapi's English name is shown through them; a renamed or custom role keeps its name.
 */
const ROLE_NAME = `
const __pishkhanBuiltInRoles = { 'strapi-super-admin': 'Super Admin', 'strapi-editor': 'Editor', 'strapi-author': 'Author' };
function __PishkhanRoleName({ role }) {
  const { formatMessage } = useIntl();
  if (__pishkhanBuiltInRoles[role.code] !== role.name) return role.name;
  return formatMessage({ id: 'Settings.permissions.users.' + role.code, defaultMessage: role.name });
}
`;

export const translatedRoleNames = () =>
  moduleEdit({
    name: 'translated-role-names',
    modules: [
      /\/@strapi\/admin\/dist\/admin\/admin\/src\/components\/MainNav\/NavUser\.mjs$/,
      /\/@strapi\/admin\/dist\/admin\/admin\/src\/components\/Widgets\.mjs$/,
    ],
    edit: (code) => {
      const badge = code.replace(
        /jsx\(Badge, \{\s*children: role\.name\s*\}/,
        'jsx(Badge, { children: jsx(__PishkhanRoleName, { role }) }'
      );
      return badge === code || !/import \{ useIntl \} from 'react-intl'/.test(code)
        ? code
        : `${badge}\n${ROLE_NAME}`;
    },
    cannot: "the role badge changed; cannot translate Strapi's role names",
  });
