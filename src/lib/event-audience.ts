import type { Core } from '@strapi/strapi';

type Hub = Core.Strapi['eventHub'];
type Listener = Parameters<Hub['on']>[1];
type Subscriber = Parameters<Hub['subscribe']>[0];
interface Audience {
  listeners: Map<string, number>;
  subscribers: number;
}

/**
 * Kept on the hub under a registered symbol, so that every copy of this module in a process (the app's
 * compiled one and a test's or a script's from source) reads the same audience.
 */
const AUDIENCE = Symbol.for('pishkhan.event-audience');
const audienceOf = (hub: Hub): Audience | undefined =>
  (hub as unknown as { [AUDIENCE]?: Audience })[AUDIENCE];

/**
 * Strapi's event hub keeps its listeners private, so the app watches who joins it from its register:
 * Strapi's webhooks (a listener per event that has a webhook, added at bootstrap and whenever an
 * administrator saves one), audit logs and plugins subscribing at bootstrap. The importer then builds an
 * event's entry only when something will receive it: a populated read-back and a sanitise per story were
 * a third of a large import's database time, for events nobody heard.
 */
export const watchEventAudience = (strapi: Core.Strapi): void => {
  const hub = strapi.eventHub;
  if (audienceOf(hub)) return;
  const audience: Audience = { listeners: new Map(), subscribers: 0 };
  Object.defineProperty(hub, AUDIENCE, { value: audience });
  const change = (event: string, by: number) =>
    audience.listeners.set(event, Math.max(0, (audience.listeners.get(event) ?? 0) + by));
  const { on, off, subscribe, unsubscribe, removeAllListeners, removeAllSubscribers } = hub;
  Object.assign(hub, {
    on(event: string, listener: Listener) {
      change(event, 1);
      return on.call(hub, event, listener);
    },
    off(event: string, listener: Listener) {
      change(event, -1);
      return off.call(hub, event, listener);
    },
    subscribe(subscriber: Subscriber) {
      audience.subscribers += 1;
      return subscribe.call(hub, subscriber);
    },
    unsubscribe(subscriber: Subscriber) {
      audience.subscribers = Math.max(0, audience.subscribers - 1);
      return unsubscribe.call(hub, subscriber);
    },
    removeAllListeners() {
      audience.listeners.clear();
      return removeAllListeners.call(hub);
    },
    removeAllSubscribers() {
      audience.subscribers = 0;
      return removeAllSubscribers.call(hub);
    },
  });
};

/**
 * Whether an event emitted now would reach anything besides Strapi's own empty default subscriber. An
 * unwatched hub (an app that never called watchEventAudience) is taken to be heard.
 */
export const eventIsHeard = (strapi: Core.Strapi, event: string): boolean => {
  const audience = audienceOf(strapi.eventHub);
  if (!audience) return true;
  return audience.subscribers > 0 || (audience.listeners.get(event) ?? 0) > 0;
};
