// The agent-API scenarios of the proxy benchmark: the same conversation as the chat-completions body, sent
// to rmctl serve as an Anthropic Messages request (/v1/messages) and as an OpenAI Responses request
// (/v1/responses), both translated to the mock's chat completions. Compared with the chat path of the same
// rmctl serve in the same run: added CPU per request and added time to the first streamed event.

const SYSTEM = 'You are a careful assistant for an operations team. Answer briefly, cite the runbook section when one applies, and never invent commands. If a question is ambiguous, ask one clarifying question first.';
const TURNS = [
  { role: 'user', content: 'Our LiteLLM proxy restarted twice last night. Where do I look first?' },
  { role: 'assistant', content: 'Start with the service journal around the restart times (journalctl -u litellm --since yesterday), then the health endpoint history. Restarts right after a config change usually point at a bad deploy; restarts under load point at memory.' },
  { role: 'user', content: 'It was under load. The box has 2 cores and 24 GB. What limits should I check, and how do I tell whether the proxy or an upstream was the bottleneck? Keep it to a short list please.' },
];

export const AGENT_APIS = {
  messages: {
    label: 'rmctl /v1/messages',
    path: '/v1/messages',
    /** What ends a complete stream, and what a complete answer contains. */
    streamEnd: 'message_stop',
    answerMark: '"type":"message"',
    body: (model, stream) =>
      JSON.stringify({ model, system: SYSTEM, messages: TURNS, max_tokens: 512, temperature: 0.2, top_p: 0.95, metadata: { user_id: 'bench-user-42' }, ...(stream ? { stream: true } : {}) }),
  },
  responses: {
    label: 'rmctl /v1/responses',
    path: '/v1/responses',
    streamEnd: 'response.completed',
    answerMark: '"object":"response"',
    body: (model, stream) =>
      JSON.stringify({ model, instructions: SYSTEM, input: TURNS, max_output_tokens: 512, temperature: 0.2, top_p: 0.95, user: 'bench-user-42', store: false, ...(stream ? { stream: true } : {}) }),
  },
};

/** Rows for the report: per agent API, its added CPU per request and added first-event time vs the chat path. */
export function agentApiRows(rows, keys) {
  const out = [];
  for (const k of Object.keys(AGENT_APIS)) {
    if (!keys.includes(k)) continue;
    for (const r of rows) {
      if (!r.metric.startsWith('CPU us/req') && !r.metric.startsWith('stream first event') && !r.metric.startsWith('p50 ms')) continue;
      out.push({ api: k, metric: r.metric, chat: r.median.rmctl, api_value: r.median[k], added: r.addedVsRmctl[k], ratio: r.vsRmctl[k] });
    }
  }
  return out;
}
