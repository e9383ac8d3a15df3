import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

export interface SlugPreview {
  slug: string | null;
  free?: boolean;
  current?: string | null;
  error?: { code?: string; message?: string; messageFa?: string };
}

export interface PreviewQuery {
  uid: string;
  locale?: string;
  documentId?: string;
  /** When the story was last published: not sent, only part of the key, so a publish asks again. */
  publishedAt?: string;
  from?: string;
  slug?: string;
}

export type PreviewState =
  | { status: 'idle' }
  | { status: 'loading'; previous?: SlugPreview }
  | { status: 'done'; result: SlugPreview; query: PreviewQuery }
  | { status: 'failed'; message: string };

/** Asks the server which slug saving would give, after the editor pauses typing. */
export const usePreview = (query: PreviewQuery | null, delayMs = 350): PreviewState => {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<PreviewState>({ status: 'idle' });
  const key = query ? JSON.stringify(query) : '';

  React.useEffect(() => {
    if (!query) {
      setState({ status: 'idle' });
      return undefined;
    }
    const controller = new AbortController();
    setState((previous) => ({
      status: 'loading',
      previous: previous.status === 'done' ? previous.result : undefined,
    }));
    const timer = window.setTimeout(() => {
      fetchPreview(get, query, controller.signal)
        .then((result) => {
          if (!controller.signal.aborted) setState({ status: 'done', result, query });
        })
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          setState({
            status: 'failed',
            message: error instanceof Error ? error.message : String(error),
          });
        });
    }, delayMs);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
    // `key` stands for `query`, which is a new object on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, delayMs, get]);

  return state;
};

type Get = ReturnType<typeof useFetchClient>['get'];

export const fetchPreview = async (
  get: Get,
  query: PreviewQuery,
  signal?: AbortSignal
): Promise<SlugPreview> => {
  const params: Record<string, string> = { uid: query.uid };
  for (const key of ['locale', 'documentId', 'from', 'slug'] as const) {
    const value = query[key];
    if (value) params[key] = value;
  }
  const { data } = await get<SlugPreview>('/persian-slug/preview', { params, signal });
  return data;
};
