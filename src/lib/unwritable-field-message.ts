/** The Persian word for a write naming a field that does not exist or that only the system writes (REST and GraphQL). */
export const unwritableFieldMessageFa = (field: string): string =>
  `فیلد «${field}» را نمی‌توان نوشت: چنین فیلدی نیست یا فقط خود سامانه آن را می‌نویسد.`;
