// Start-up config warnings grouped: one line for every deployment disabled by unset variables, one per
// other reason, other warnings unchanged.
import { describe, expect, it } from 'vitest';
import { groupConfigWarnings } from '../../src/proxy/lifecycle/config-warnings.js';

type Table = Parameters<typeof groupConfigWarnings>[0];
const dep = (id: string, disabledReason?: string) => ({ id, disabledReason }) as unknown as Table['deployments'][number];

describe('groupConfigWarnings', () => {
  it('one line for all deployments disabled by unset variables, counted per variable', () => {
    const deployments = [dep('a@hf', 'environment variable HF_TOKEN not set'), dep('b@hf', 'environment variable HF_TOKEN not set'), dep('c@oa', 'environment variable OPENAI_API_KEY not set'), dep('d@x', 'environment variables X_KEY, Y_KEY not set'), dep('e@ok')];
    const warnings = [...deployments.filter((d) => d.disabledReason).map((d) => `deployment ${d.id} disabled: ${d.disabledReason}`), 'model_group_alias "x" targets unknown model group "y"'];
    expect(groupConfigWarnings({ deployments, warnings })).toEqual([
      {
        msg: '4 of 5 deployments disabled: environment variables not set: HF_TOKEN (2), OPENAI_API_KEY (1), X_KEY (1), Y_KEY (1)',
        fields: { unset: { HF_TOKEN: ['a@hf', 'b@hf'], OPENAI_API_KEY: ['c@oa'], X_KEY: ['d@x'], Y_KEY: ['d@x'] } },
      },
      { msg: 'model_group_alias "x" targets unknown model group "y"', fields: {} },
    ]);
  });

  it('other reasons: one line per reason naming its deployments', () => {
    const reason = 'provider prefix "nope/" is not supported by rmctl serve';
    const deployments = [dep('a', reason), dep('b', reason)];
    expect(groupConfigWarnings({ deployments, warnings: deployments.map((d) => `deployment ${d.id} disabled: ${reason}`) })).toEqual([{ msg: `2 deployments disabled: ${reason}`, fields: { deployments: ['a', 'b'] } }]);
  });
});
