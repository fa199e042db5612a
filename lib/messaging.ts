/**
 * Typed runtime messaging over one protocol map. Each context registers handlers for the types it
 * answers; a message whose type it does not know is left for another context (the offscreen
 * document and the worker share the channel). Uses the browser's own promise-based API, so the
 * content script carries no polyfill.
 */

/** The parts of a runtime MessageSender the handlers look at. */
export interface Sender {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
}

type Fn = (...args: never[]) => unknown;
type DataOf<F> = F extends (data: infer D) => unknown ? D : undefined;
type ReturnOf<F> = F extends (...args: never[]) => infer R ? Awaited<R> : never;

interface Envelope {
  /** Marks our messages, so stray ones (other libraries, the browser) are ignored. */
  lens: 1;
  type: string;
  data: unknown;
}

type Reply = { res: unknown } | { err: string };

interface RuntimeApi {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: { addListener(listener: (message: unknown, sender: Sender, sendResponse: (reply: Reply) => void) => boolean | undefined): void };
  };
  tabs?: { sendMessage(tabId: number, message: unknown): Promise<unknown> };
}

function runtimeApi(): RuntimeApi {
  const g = globalThis as unknown as { browser?: RuntimeApi & { runtime: { id?: string } }; chrome: RuntimeApi };
  return g.browser?.runtime?.id ? g.browser : g.chrome;
}

function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && (message as Envelope).lens === 1 && typeof (message as Envelope).type === 'string';
}

export function defineMessaging<TMap extends { [K in keyof TMap]: Fn }>() {
  const handlers = new Map<string, (message: { data: unknown; sender: Sender }) => unknown>();
  let listening = false;

  function listen() {
    if (listening) return;
    listening = true;
    runtimeApi().runtime.onMessage.addListener((message, sender, sendResponse) => {
      if (!isEnvelope(message)) return undefined;
      const handler = handlers.get(message.type);
      if (!handler) return undefined;
      Promise.resolve()
        .then(() => handler({ data: message.data, sender }))
        .then(
          (res) => sendResponse({ res }),
          (error: unknown) => sendResponse({ err: error instanceof Error ? error.message : String(error) }),
        );
      return true; // the answer comes asynchronously
    });
  }

  return {
    /** Answers one message type in this context (one handler per type). */
    onMessage<K extends keyof TMap & string>(
      type: K,
      handler: (message: { data: DataOf<TMap[K]>; sender: Sender }) => ReturnOf<TMap[K]> | Promise<ReturnOf<TMap[K]>>,
    ): () => void {
      if (handlers.has(type)) throw new Error(`Only one handler per message type: ${type}`);
      handlers.set(type, handler as (message: { data: unknown; sender: Sender }) => unknown);
      listen();
      return () => handlers.delete(type);
    },

    /** To the extension's pages and worker, or with `tabId` to that tab's content script. */
    async sendMessage<K extends keyof TMap & string>(type: K, data?: DataOf<TMap[K]>, tabId?: number): Promise<ReturnOf<TMap[K]>> {
      const envelope: Envelope = { lens: 1, type, data };
      const api = runtimeApi();
      const reply = (tabId === undefined ? await api.runtime.sendMessage(envelope) : await api.tabs!.sendMessage(tabId, envelope)) as Reply | undefined;
      if (!reply || typeof reply !== 'object') throw new Error('No response');
      if ('err' in reply) throw new Error(reply.err);
      return reply.res as ReturnOf<TMap[K]>;
    },
  };
}
