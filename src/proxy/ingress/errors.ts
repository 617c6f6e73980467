// Client mistakes found while reading an ingress request: a 400 naming the field, never an upstream attempt.
import { RainyModelError } from '../../shared/errors.js';

export class IngressRequestError extends RainyModelError {
  readonly status = 400;
  readonly type = 'invalid_request_error';

  constructor(
    readonly param: string,
    message: string,
    readonly errorCode: 'invalid_request' | 'unsupported_stateful_request' = 'invalid_request',
  ) {
    super('request/invalid', message);
  }
}

export function invalidField(param: string, message: string): IngressRequestError {
  return new IngressRequestError(param, `${param}: ${message}`);
}

export function typeName(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}
