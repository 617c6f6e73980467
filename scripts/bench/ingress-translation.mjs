#!/usr/bin/env node
// In-process cost of the agent-API translations, per request, without HTTP: what /v1/messages and
// /v1/responses add to a request over chat completions when the upstream speaks chat (request in, JSON
// answer out, or a 20-chunk stream out). A complement to bench-proxy.mjs, whose whole-process figures a
// busy machine blurs. Run after `npm run build`: node scripts/bench/ingress-translation.mjs [--iterations N]
import { parseArgs } from 'node:util';
import { checkMessagesRequest, messagesToChat } from '../../dist/proxy/ingress/messages/request.js';
import { chatToMessage } from '../../dist/proxy/ingress/messages/answer.js';
import { MessagesEncoder } from '../../dist/proxy/ingress/messages/stream.js';
import { checkResponsesRequest, responsesToChat } from '../../dist/proxy/ingress/responses/request.js';
import { chatToResponse, responseFrame } from '../../dist/proxy/ingress/responses/answer.js';
import { ResponsesEncoder } from '../../dist/proxy/ingress/responses/stream.js';
import { ChatBackedStream } from '../../dist/proxy/ingress/chat-stream.js';
import { OpenAISseTranslator } from '../../dist/proxy/providers/openai-compatible.js';
import { AGENT_APIS } from './lib/agent-apis.mjs';

const { values } = parseArgs({ options: { iterations: { type: 'string', default: '20000' } } });
const N = Number(values.iterations);

const CONTENT = 'the quick brown fox jumps over a lazy dog while the proxy forwards every token it is given '.repeat(7).slice(0, 600);
const answer = JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: CONTENT }, finish_reason: 'stop' }], usage: { prompt_tokens: 212, completion_tokens: 128, total_tokens: 340 } });
const parts = CONTENT.match(/.{1,30}/g);
const sse =
  parts.map((p, i) => `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: i === 0 ? { role: 'assistant', content: p } : { content: p }, finish_reason: null }] })}\n\n`).join('') +
  `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage: { prompt_tokens: 212, completion_tokens: 20, total_tokens: 232 } })}\n\ndata: [DONE]\n\n`;

const ROUNDS = 50;

/** Microseconds per call of fn: the best of many short rounds, the ones the fewest other processes disturbed. */
function time(fn) {
  for (let i = 0; i < Math.min(N, 2000); i++) fn();
  const per = Math.max(1, Math.floor(N / ROUNDS));
  let best = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < per; i++) fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1000 / per);
  }
  return best;
}

const cases = {
  messages: {
    request: AGENT_APIS.messages.body('bench/chat', false),
    streamRequest: AGENT_APIS.messages.body('bench/chat', true),
    translate: (raw) => {
      const body = JSON.parse(raw);
      checkMessagesRequest(body);
      return JSON.stringify(messagesToChat(body).chat);
    },
    answer: (text) => JSON.stringify(chatToMessage(JSON.parse(text), 'bench/chat')),
    stream: () => new ChatBackedStream(new OpenAISseTranslator(), new MessagesEncoder('bench/chat')),
  },
  responses: {
    request: AGENT_APIS.responses.body('bench/chat', false),
    streamRequest: AGENT_APIS.responses.body('bench/chat', true),
    translate: (raw) => {
      const body = JSON.parse(raw);
      checkResponsesRequest(body);
      return JSON.stringify(responsesToChat(body).chat);
    },
    answer: (text) => JSON.stringify(chatToResponse(JSON.parse(text), responseFrame({}, 'bench/chat'))),
    stream: () => new ChatBackedStream(new OpenAISseTranslator(), new ResponsesEncoder(responseFrame({}, 'bench/chat'))),
  },
};

const rows = [];
for (const [name, c] of Object.entries(cases)) {
  const request = time(() => c.translate(c.request));
  const json = time(() => c.answer(answer));
  const stream = time(() => {
    const s = c.stream();
    s.push(sse);
    s.end();
  });
  // The first event: the request translated, then the first chunk turned into the API's opening events.
  const first = time(() => {
    c.translate(c.streamRequest);
    c.stream().push(sse.slice(0, sse.indexOf('\n\n') + 2));
  });
  rows.push([name, request.toFixed(1), json.toFixed(1), (request + json).toFixed(1), stream.toFixed(1), (request + stream).toFixed(1), first.toFixed(1)]);
}
// A yardstick from the same run: on a busy machine every figure above scales with it.
const event = { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'the quick brown fox jumps ov ' } };
const yardstick = time(() => JSON.stringify(event));
const chatParse = time(() => {
  const t = new OpenAISseTranslator();
  t.push(sse);
  t.end();
});
const head = ['api', 'request us', 'JSON answer us', 'total JSON us', '20-chunk stream us', 'total stream us', 'to first event us'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
for (const r of [head, ...rows]) console.log(r.map((v, i) => v.padStart(widths[i])).join('  '));
console.log(`reference: the 20-chunk chat stream parsed alone (what any translating path pays) ${chatParse.toFixed(1)} us; one JSON.stringify of a ~90-byte event ${yardstick.toFixed(2)} us`);
console.log(`(${N} iterations in total, best of ${ROUNDS} rounds; node ${process.version}; load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')})`);
