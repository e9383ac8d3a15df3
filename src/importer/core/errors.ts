import { toPersianDigits } from '../../persian';

/** Why a document could not be imported. One code per kind of problem an editor can fix in the file. */
export type ImportErrorCode =
  | 'EMPTY_FILE'
  | 'BINARY_FILE'
  | 'UNKNOWN_ENCODING'
  | 'TOO_LARGE'
  | 'NO_TITLE'
  | 'NO_LEAD'
  | 'BAD_DATE'
  | 'MERGED_STORIES'
  /** A bug in the importer, reported per document by parseArchiveFile instead of stopping a batch. */
  | 'INTERNAL_ERROR';

/**
 * A document the importer refuses. `message` is English (logs, CLI); `messageFa` is shown to editors.
 * `line` is the 1-based line of the file where the problem is (CRLF counts as one break), or null when
 * the problem is the whole file (empty, binary, too large, undecodable).
 */
export class ImportError extends Error {
  readonly code: ImportErrorCode;

  readonly messageFa: string;

  readonly line: number | null;

  constructor(
    code: ImportErrorCode,
    message: string,
    messageFa: string,
    line: number | null = null
  ) {
    super(message);
    this.name = 'ImportError';
    this.code = code;
    this.messageFa = messageFa;
    this.line = line;
  }
}

const fa = toPersianDigits;

export const emptyFile = (): ImportError =>
  new ImportError('EMPTY_FILE', 'The file is empty or holds only white space', 'پرونده خالی است.');

export const binaryFile = (what: string): ImportError =>
  new ImportError(
    'BINARY_FILE',
    `Not a text file (${what}); archives must be UTF-8 or Windows-1256 text or markdown`,
    'این پرونده متنی نیست (مثلاً تصویر یا پرونده‌ی فشرده)؛ فقط متن یا مارک‌داون پذیرفته می‌شود.'
  );

export const unknownEncoding = (detail: string): ImportError =>
  new ImportError(
    'UNKNOWN_ENCODING',
    `Unknown text encoding: ${detail}; save the file as UTF-8`,
    'رمزگذاری نویسه‌های این پرونده شناخته نشد؛ آن را با رمزگذاری UTF-8 ذخیره کنید.'
  );

export const tooLarge = (size: number, max: number): ImportError =>
  new ImportError(
    'TOO_LARGE',
    `The file is ${size} bytes; the importer accepts at most ${max} bytes per story`,
    `حجم پرونده ${fa(size)} بایت است؛ بیشینه‌ی مجاز برای هر خبر ${fa(max)} بایت است.`
  );

export const noTitle = (line: number | null): ImportError =>
  new ImportError(
    'NO_TITLE',
    'No title found: expected a "# " heading at the top or a short line without final punctuation just before the byline/date',
    'تیتر خبر پیدا نشد: تیتر باید سطر «# » در آغاز یا سطری کوتاه و بی‌نقطه درست پیش از نام نویسنده و تاریخ باشد.',
    line
  );

export const noLead = (line: number | null): ImportError =>
  new ImportError(
    'NO_LEAD',
    'No lead found: the story has no paragraph besides its title',
    'لید خبر پیدا نشد: خبر جز تیتر بندی ندارد.',
    line
  );

export const badDate = (
  line: number,
  cause: { message: string; messageFa?: string }
): ImportError =>
  new ImportError(
    'BAD_DATE',
    `Impossible or unreadable date on line ${line}: ${cause.message}`,
    `تاریخ سطر ${fa(line)} پذیرفتنی نیست: ${cause.messageFa ?? cause.message}`,
    line
  );

export const mergedStories = (line: number, excerpt: string): ImportError =>
  new ImportError(
    'MERGED_STORIES',
    `The end-of-story marker on line ${line} ("${excerpt}") is followed by more story text; ` +
      'two stories were probably merged into one file. Split the file.',
    `نشانه‌ی پایان خبر در سطر ${fa(line)} («${excerpt}») آمده و پس از آن متن دیگری هست؛ ` +
      'احتمالاً دو خبر در یک پرونده ادغام شده‌اند. پرونده را جدا کنید.',
    line
  );

export const internalError = (cause: unknown): ImportError =>
  new ImportError(
    'INTERNAL_ERROR',
    `Importer failure: ${cause instanceof Error ? cause.message : String(cause)}`,
    'خطای درونی درون‌ریز؛ این پرونده را به پشتیبانی گزارش کنید.'
  );
