// POST /v1/responses as an ingress request: translated to chat completions for every provider kind.
import type { Json } from '../../providers/common.js';
import type { AdapterDeployment, ProviderAdapter } from '../../providers/types.js';
import { translatedAttempt } from '../translated.js';
import type { CoreError, IngressAttempt, IngressRequest } from '../types.js';
import { chatToResponse, responseFrame, type ResponseFrame } from './answer.js';
import { checkResponsesRequest, responsesToChat, type TranslatedResponses } from './request.js';
import { ResponsesEncoder } from './stream.js';

export class ResponsesIngress implements IngressRequest {
  readonly api = 'responses' as const;
  readonly model: string;
  readonly stream: boolean;
  private readonly translation: TranslatedResponses;
  private readonly frame: ResponseFrame;

  /** Checks and translates the request; throws IngressRequestError (a 400 naming the field) when it cannot. */
  constructor(body: unknown) {
    checkResponsesRequest(body);
    this.model = body.model as string;
    this.stream = body.stream === true;
    this.translation = responsesToChat(body);
    this.frame = responseFrame(body, this.model);
  }

  get dropped(): readonly string[] {
    return this.translation.dropped;
  }

  prepare(adapter: ProviderAdapter, d: AdapterDeployment): IngressAttempt {
    const frame = this.frame;
    return translatedAttempt(adapter, d, {
      chat: this.translation.chat,
      model: this.model,
      stream: this.stream,
      toAnswer: (chat) => chatToResponse(chat, frame),
      encoder: () => new ResponsesEncoder(frame),
    });
  }

  errorBody(_status: number, error: CoreError): Json {
    return { error: { message: error.message, type: error.type, param: error.param ?? null, code: error.code } };
  }
}
