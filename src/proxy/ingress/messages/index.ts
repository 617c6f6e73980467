// POST /v1/messages as an ingress request: native for anthropic/ deployments, translated for the others.
import type { Json } from '../../providers/common.js';
import type { AdapterDeployment, ProviderAdapter } from '../../providers/types.js';
import { translatedAttempt } from '../translated.js';
import type { CoreError, IngressAttempt, IngressRequest } from '../types.js';
import { chatToMessage } from './answer.js';
import { anthropicErrorBody } from './errors.js';
import { nativeMessagesAttempt, type AnthropicClientHeaders } from './native.js';
import { checkMessagesRequest, messagesToChat, type TranslatedMessages } from './request.js';
import { MessagesEncoder } from './stream.js';

export class MessagesIngress implements IngressRequest {
  readonly api = 'messages' as const;
  readonly model: string;
  readonly stream: boolean;
  private translation?: TranslatedMessages;

  /** Checks the request; throws IngressRequestError (a 400 naming the field) when it is malformed. */
  private readonly body: Json;

  constructor(
    body: unknown,
    private readonly raw: string,
    private readonly headers: AnthropicClientHeaders,
  ) {
    checkMessagesRequest(body);
    this.body = body;
    this.model = body.model as string;
    this.stream = body.stream === true;
  }

  get dropped(): readonly string[] {
    return this.translation?.dropped ?? [];
  }

  prepare(adapter: ProviderAdapter, d: AdapterDeployment): IngressAttempt {
    if (d.prefix === 'anthropic') return nativeMessagesAttempt(d, this.raw, this.body, this.headers);
    // Translated once, on the first attempt that needs it (a native-only request never pays for it).
    this.translation ??= messagesToChat(this.body);
    const model = this.model;
    return translatedAttempt(adapter, d, {
      chat: this.translation.chat,
      model,
      stream: this.stream,
      toAnswer: (chat) => chatToMessage(chat, model),
      encoder: () => new MessagesEncoder(model),
    });
  }

  errorBody(status: number, error: CoreError, requestId: string): Json {
    return anthropicErrorBody(status, error, requestId);
  }
}
