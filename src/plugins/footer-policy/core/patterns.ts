/**
 * Footer patterns over canonical text (see canonical.ts): Latin digits, folded letters, plain spaces.
 * They are anchored at the end of a line because a footer only ever closes one.
 */

/** Space or ZWNJ: typists put either, several or none between and inside the words. */
const GAP = '[ \\u200C]';

/** «انتهای پیام»; the ZWNJ in «انتها‌ی» and harakat such as the ezafe kasra are covered by GAP and canonicalize. */
const MARKER = `انتها${GAP}*ی${GAP}*پیام`;

/** The slash before or after a desk/reporter code, including the look-alikes RTL keyboards produce. */
const SLASH = '[/\\\\\\u2215\\uFF0F]';

const CODE = '([0-9]{1,8})';

/** Markdown and typographic decoration that may open a footer: emphasis, heading, quote, bullets, dashes. */
const OPENING = '[ \\u200C*_~#>×•·=\\-–—«"“(\\[\\\\]';

/** What may close it: the same decoration, closing quotes and a full stop. */
const CLOSING = '[ \\u200C*_~#×•·=\\-–—»"”)\\].!…\\\\]';

/**
 * One footer at the end of the text: decoration, an optional leading code («۲۰۲/ انتهای پیام», also with
 * an ellipsis after the slash), the marker, an optional trailing slash and code, decoration.
 * Groups: 1 leading code, 2 trailing code.
 */
export const FOOTER_AT_END = new RegExp(
  `${OPENING}*(?:${CODE}${GAP}*${SLASH}[ \\u200C.…]*${OPENING}*)?${MARKER}(?:${GAP}*${SLASH}${GAP}*${CODE}?)?${CLOSING}*$`
);

/** Nothing visible. */
export const BLANK = /^[ \u200C]*$/;

/** Separator and markup only: `---`, `***`, `___`, `×`, a lone heading mark or ellipsis. */
export const DECORATION = /^[ \u200C*_~#>×•·=\-–—.…\\]*$/;

/** A sentence that ended: final punctuation, then any closing quotes or brackets. */
export const SENTENCE_END = /[.!?؟…][»"”')\]]*[ \u200C]*$/;
