// The one SSE parser (src/proxy/sse.ts) every adapter and the pass-through stream read upstream events with.
import { describe, expect, it } from 'vitest';
import { SseDecoder } from '../../src/proxy/sse.js';

const STREAM = ': keep-alive\n\nevent: message_start\ndata: {"a":1}\n\ndata: line one\ndata: line two\n\ndata: [DONE]\n\n';

function decodeInPieces(text: string, size: number): Array<{ event: string; data: string }> {
  const d = new SseDecoder();
  const out = [];
  for (let i = 0; i < text.length; i += size) out.push(...d.push(text.slice(i, i + size)));
  out.push(...d.push('', true));
  return out;
}

describe('SseDecoder', () => {
  for (const [name, eol] of [['\\n', '\n'], ['\\r\\n', '\r\n'], ['\\r', '\r']] as const) {
    it(`reads events whose lines end in ${name}, split at every possible boundary`, () => {
      const text = STREAM.replace(/\n/g, eol);
      const expected = [
        { event: 'message_start', data: '{"a":1}' },
        { event: 'message', data: 'line one\nline two' },
        { event: 'message', data: '[DONE]' },
      ];
      for (const size of [1, 2, 3, 7, text.length]) expect(decodeInPieces(text, size)).toEqual(expected);
    });
  }

  it('counts a last event without its blank line once the body ended', () => {
    const d = new SseDecoder();
    expect(d.push('data: {"x":1}')).toEqual([]);
    expect(d.push('', true)).toEqual([{ event: 'message', data: '{"x":1}' }]);
  });
});
