import type { Context, Next } from 'koa';
import coBody from 'co-body';
import bourne from '@hapi/bourne';
import iconv from 'iconv-lite';
import { errors } from '@strapi/utils';
import { findInvalidUtf8, tooDeepAt } from '../lib/raw-json';

export interface JsonBodyConfig {
  /** Largest body read, as co-body takes it ('1mb'). */
  limit: string;
  /** Deepest nesting of arrays and objects accepted. */
  maxDepth: number;
}

/** The media types koa-body reads as JSON. */
const JSON_TYPES = [
  'application/json',
  'application/json-patch+json',
  'application/vnd.api+json',
  'application/csp-report',
  'application/reports+json',
];
const PARSED_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** What a JSON body is refused with, per status: docs/openapi.json lists them for every POST, PUT and PATCH. */
export const JSON_BODY_ERROR_CODES = {
  400: ['INVALID_UTF8', 'TOO_DEEP', 'INVALID_JSON'],
  415: ['UNSUPPORTED_CHARSET'],
} as const;
type JsonBodyErrorCode = (typeof JSON_BODY_ERROR_CODES)[400][number];
const UTF8 = new Set(['utf-8', 'utf8']);

const refuse = (
  message: string,
  details: { code: JsonBodyErrorCode } & Record<string, unknown>
): never => {
  throw new errors.ValidationError(message, details);
};

/** The body's bytes as text: UTF-8 checked byte by byte, another declared charset decoded as declared. */
const decode = (ctx: Context, bytes: Buffer): string => {
  const charset = (ctx.request.charset || 'utf-8').toLowerCase();
  if (UTF8.has(charset)) {
    const invalid = findInvalidUtf8(bytes);
    if (invalid) {
      const byte = bytes[invalid.offset].toString(16).toUpperCase().padStart(2, '0');
      const where = invalid.field === null ? '' : ` (in or after field "${invalid.field}")`;
      refuse(
        `The request body is not valid UTF-8: invalid byte 0x${byte} at byte offset ${invalid.offset}${where}`,
        {
          code: 'INVALID_UTF8',
          offset: invalid.offset,
          field: invalid.field,
          messageFa:
            'متن درخواست UTF-8 درست نیست و بایت‌های خراب دارد؛ آن را با کدگذاری UTF-8 بفرستید. چیزی ذخیره نشد.',
        }
      );
    }
    return bytes.toString('utf8');
  }
  if (!iconv.encodingExists(charset)) {
    ctx.throw(
      415,
      `Unsupported charset "${charset}": send JSON as UTF-8 or in a charset iconv-lite knows (e.g. windows-1256)`,
      {
        details: {
          code: JSON_BODY_ERROR_CODES[415][0],
          charset,
          messageFa: `کدگذاری «${charset}» پشتیبانی نمی‌شود؛ متن را با UTF-8 بفرستید.`,
        },
      }
    );
  }
  return iconv.decode(bytes, charset);
};

/**
 * Reads every JSON request body once, in place of `strapi::body`'s JSON parsing (turned off in
 * config/middlewares.ts; GraphQL's body parser skips a body already read). Before anything is parsed:
 * bytes that are not UTF-8 are a 400 naming the byte offset, another declared charset is decoded as
 * declared (unknown: 415), and nesting deeper than `maxDepth` is a 400, so no deep body reaches a
 * recursive validator. Empty bodies are `{}` and top-level values must be objects or arrays, as koa-body's
 * strict JSON mode has it.
 */
export default (config: JsonBodyConfig) => async (ctx: Context, next: Next) => {
  if (!PARSED_METHODS.has(ctx.method) || !ctx.is(JSON_TYPES)) return next();
  // raw-body (under co-body) hands back the bytes undecoded when `encoding` is false.
  const bytes: Buffer = await coBody.text(ctx, {
    limit: config.limit,
    encoding: false as unknown as string,
  });
  const text = decode(ctx, bytes).replace(/^\uFEFF/, '');
  // As koa-bodyparser keeps it: the response cache keys GraphQL reads on it.
  (ctx.request as { rawBody?: string }).rawBody = text;
  const deepAt = tooDeepAt(text, config.maxDepth);
  if (deepAt !== -1) {
    refuse(
      `The request body nests arrays and objects deeper than ${config.maxDepth} levels (at character ${deepAt})`,
      {
        code: 'TOO_DEEP',
        maxDepth: config.maxDepth,
        messageFa: `ساختار درخواست بیش از ${config.maxDepth} لایه تودرتو است.`,
      }
    );
  }
  if (text.trim() === '') {
    ctx.request.body = {};
  } else if (!/^[\x20\x09\x0a\x0d]*[[{]/.test(text)) {
    refuse('The request body must be a JSON object or array', {
      code: 'INVALID_JSON',
      messageFa: 'متن درخواست باید شیء یا آرایه‌ی JSON باشد.',
    });
  } else {
    try {
      ctx.request.body = bourne.parse(text, { protoAction: 'error' });
    } catch (error) {
      refuse(`The request body is not valid JSON: ${(error as Error).message}`, {
        code: 'INVALID_JSON',
        messageFa: 'متن درخواست JSON درستی نیست.',
      });
    }
  }
  return next();
};
