// Rules over the resolved routing: what resolve() built or left out that the user should know of
// (groups and patterns without an active deployment, weights, fallback chains and capabilities that do
// nothing). None of them changes the routing.
import { didYouMean } from '../shared/suggest.js';
import type { Group } from './model.js';
import type { ResolvedDeployment } from './resolve.js';
import { patternError } from './resolve-groups.js';
import type { Rule } from './rule.js';

/** A group none of whose deployments is active is left out; an alias is an error (clients ask for it). */
export const groupsWithoutDeployment: Rule = ({ model, routing, reporter }) => {
  const resolved = new Set(routing.groups.map((g) => g.name));
  for (const g of model.groups.values()) {
    if (resolved.has(g.name)) continue;
    reporter.report(
      g.kind === 'alias' ? 'error' : 'warning',
      'route/no-active-deployment',
      g.origin,
      `"${g.name}" has no active deployment: ${g.kind === 'alias' ? 'clients asking for it would always fail' : 'it is left out of the output'}`,
      'point it at an active provider, or set the provider active',
    );
  }
};

/** Weights are above 0, given for every deployment of a tier or none, and noted when they are shares. */
export const deploymentWeights: Rule = ({ routing, reporter }) => {
  for (const g of routing.groups) {
    for (const d of g.deployments) {
      if (d.weight !== undefined && !(d.weight > 0)) {
        reporter.error('lb/bad-weight', d.origin, `weight ${d.weight} of "${d.id}" must be greater than 0`, 'remove the member instead of giving it no weight');
      }
    }
    partialWeights(g.name, g.origin, g.deployments, reporter);
    const weights = g.deployments.map((d) => d.weight);
    const given = weights.filter((w) => w !== undefined).length;
    const sum = weights.reduce<number>((a, w) => a + (w ?? 0), 0);
    if (given === g.deployments.length && given > 1 && sum > 0 && Math.abs(sum - 1) > 1e-6 && Math.abs(sum - 100) > 1e-6) {
      reporter.info('lb/weights-sum', g.origin, `the weights of "${g.name}" sum to ${sum}; they are used as relative shares`);
    }
  }
};

/** Weights split traffic among deployments the strategy chooses between: those of one tier. */
function partialWeights(name: string, origin: Group['origin'], deployments: ResolvedDeployment[], reporter: Parameters<Rule>[0]['reporter']): void {
  for (const tier of new Set(deployments.map((d) => d.tier))) {
    const same = deployments.filter((d) => d.tier === tier);
    const given = same.filter((d) => d.weight !== undefined).length;
    if (given > 0 && given < same.length) {
      reporter.warn(
        'lb/partial-weights',
        origin,
        `only ${given} of the ${same.length} ${tier} deployments of "${name}" have a weight; the others count as weight 1`,
        'give every deployment of the tier a weight so the split is the one you mean',
      );
    }
  }
}

/** A fallback chain for a name that is no group, alias or capability: harmless, but it does nothing. */
export const unknownChains: Rule = ({ model, reporter }) => {
  const groupNames = [...model.groups.keys()];
  for (const [from, chain] of model.fallbacks) {
    if (model.groups.has(from) || model.capabilities.has(from)) continue;
    const guess = didYouMean(from, groupNames);
    reporter.warn(
      'ref/unknown-chain',
      chain.origin,
      `fallback chain for "${from}", which is no model group, alias or capability: it has no effect`,
      guess ? `did you mean "${guess}"?` : 'name an exact match, alias or capability, or remove the chain',
    );
  }
};

/** A capability is an alias of a served group: it needs a name of its own and at least one served model. */
export const capabilityTargets: Rule = ({ model, routing, reporter }) => {
  const aliased = new Set(routing.groupAliases.map(([name]) => name));
  for (const c of model.capabilities.values()) {
    if (model.groups.has(c.name)) {
      reporter.error('route/duplicate-name', c.origin, `the capability "${c.name}" has the same name as a model group`, 'rename the capability');
    } else if (!aliased.has(c.name)) {
      reporter.warn('route/empty-capability', c.origin, `capability "${c.name}" resolves to no available model: it has no effect`, 'list preferred_models that are served');
    }
  }
};

/** A pattern must compile as a JavaScript regular expression and reach at least one active provider. */
export const patternRoutes: Rule = ({ model, reporter }) => {
  for (const pr of model.patterns) {
    const error = patternError(pr.pattern);
    if (error !== undefined) {
      reporter.error('route/bad-pattern', pr.origin, `the pattern ${JSON.stringify(pr.pattern)} does not compile: ${error}`, 'use JavaScript regular expression syntax (no (?P<name>...) groups)');
    } else if (!pr.providers.some((ref) => model.providers.get(ref.name)?.active)) {
      reporter.warn('route/no-active-deployment', pr.origin, `the pattern ${JSON.stringify(pr.pattern)} has no active provider: it is left out`);
    }
  }
};
