// The semantic rules `validate` runs after resolve(), in order, each with the codes it reports, what it
// checks and its fix (ARCHITECTURE.md, "A validation rule"). A new rule is a small named function in
// rules*.ts and a line here; test/compiler/rule-list.test.ts checks that a rule reports only its codes.
import type { NamedRule } from './rule.js';
import { groupStrategies, keyVariableProvider, litellmEnvValues, masterKeyUnset, orderNeedsPreCallChecks, tierFallthrough } from './rules-litellm.js';
import { capabilityTargets, deploymentWeights, groupsWithoutDeployment, patternRoutes, unknownChains } from './rules-routing.js';
import { fallbackCycles, literalSecrets, policies, providerBaseUrls, routerSettings, unsetEnvironment } from './rules.js';

export const RULES: readonly NamedRule[] = [
  {
    name: 'groups-without-deployment',
    codes: ['route/no-active-deployment'],
    checks: 'every model group keeps at least one active deployment (an alias without one is an error)',
    fix: 'point the group at an active provider, or set the provider active',
    run: groupsWithoutDeployment,
  },
  {
    name: 'deployment-weights',
    codes: ['lb/bad-weight', 'lb/partial-weights', 'lb/weights-sum'],
    checks: 'weights are above 0 and given for all deployments of a tier or for none',
    fix: 'give every deployment of the tier a positive weight, or none',
    run: deploymentWeights,
  },
  {
    name: 'unknown-chains',
    codes: ['ref/unknown-chain'],
    checks: 'every fallback chain belongs to a model group, alias or capability',
    fix: 'name the chain after an exact match, alias or capability, or remove it',
    run: unknownChains,
  },
  {
    name: 'capability-targets',
    codes: ['route/duplicate-name', 'route/empty-capability'],
    checks: 'a capability has a name no model group has and resolves to at least one served model',
    fix: 'rename the capability, or list preferred_models that are served',
    run: capabilityTargets,
  },
  {
    name: 'pattern-routes',
    codes: ['route/bad-pattern', 'route/no-active-deployment'],
    checks: 'a pattern compiles as a JavaScript regular expression and reaches an active provider',
    fix: 'use JavaScript regex syntax; point the pattern at an active provider',
    run: patternRoutes,
  },
  {
    name: 'provider-base-urls',
    codes: ['provider/missing-base-url', 'provider/bad-url', 'provider/https-loopback', 'provider/ollama-v1-suffix'],
    checks: "base URLs are present where needed, parse, use http(s), and Ollama's has no /v1 suffix",
    fix: 'write base_url as http://host:port (plain http for a local server, no /v1 for Ollama)',
    run: providerBaseUrls,
  },
  {
    name: 'unset-environment',
    codes: ['env/unset'],
    checks: 'the environment variables the routes use are set (empty counts as unset)',
    fix: 'export the variable where the proxy runs, or give a non-secret a default ${NAME:-value}',
    run: unsetEnvironment,
  },
  {
    name: 'literal-secrets',
    codes: ['secret/literal'],
    checks: 'keys are referenced by environment-variable name, never written in a file',
    fix: 'put the key in an environment variable and reference it by name',
    run: literalSecrets,
  },
  {
    name: 'fallback-cycles',
    codes: ['route/fallback-cycle'],
    checks: 'the fallback graph has no cycle',
    fix: 'remove the named fallback entry (or break the cycle elsewhere)',
    run: fallbackCycles,
  },
  {
    name: 'policies',
    codes: ['policy/unknown', 'policy/unreachable'],
    checks: 'the default policy exists and every group has a deployment under each policy',
    fix: 'add a deployment of a tier the policy uses, or add the tier to the policy',
    run: policies,
  },
  {
    name: 'router-settings',
    codes: ['router/stream-timeout', 'cache/no-redis', 'effect/none'],
    checks: 'router, cache and fleet settings do not contradict each other',
    fix: 'make stream_timeout at most timeout; configure a Redis host for a redis cache or fleet mode',
    run: routerSettings,
  },
  {
    name: 'litellm-env-values',
    codes: ['effect/env-in-text', 'effect/env-default-ignored', 'effect/env-url-as-is'],
    checks: 'environment references are ones the compiled file can express for LiteLLM',
    fix: 'give a default, or make the variable the whole value',
    run: litellmEnvValues,
  },
  {
    name: 'order-needs-pre-call-checks',
    codes: ['effect/order-ignored'],
    checks: 'router.enable_pre_call_checks is not false where a group has a tier order (LiteLLM would ignore it)',
    fix: 'remove enable_pre_call_checks: false (the compiler turns it on where order matters)',
    run: orderNeedsPreCallChecks,
  },
  {
    name: 'tier-fallthrough',
    codes: ['effect/tier-fallthrough'],
    checks: 'says once that LiteLLM moves to the next tier only after the first is cooled down',
    fix: 'to fall through per request in LiteLLM too, give each tier its own group and chain them with fallbacks',
    run: tierFallthrough,
  },
  {
    name: 'master-key-unset',
    codes: ['auth/master-key-unset'],
    checks: 'the master key variable is set (unset, LiteLLM runs without authentication)',
    fix: 'export the master key variable (sk-...) where the proxy runs',
    run: masterKeyUnset,
  },
  {
    name: 'group-strategies',
    codes: ['effect/group-strategy'],
    checks: 'says where a per-group strategy has no LiteLLM equivalent',
    fix: 'none needed for rmctl serve; for LiteLLM, set router.routing_strategy (one for every group)',
    run: groupStrategies,
  },
  {
    name: 'key-variable-provider',
    codes: ['provider/key-mismatch'],
    checks: "a provider's key variable belongs to that provider",
    fix: 'check that the variable holds a key for this provider, or rename it',
    run: keyVariableProvider,
  },
];
