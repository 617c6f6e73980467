// The raw shapes users write, after schema validation: names for the types generated from
// schemas/*.schema.json (src/config/generated/, `npm run gen:source-types`), so the schema is the one truth
// and normalize reads exactly what the schema lets through.
import type * as Mappings from './generated/mappings-source.js';
import type * as Providers from './generated/providers-source.js';

export type RawProvidersFile = Providers.ProvidersSource;
export type RawProvider = Providers.Provider;
export type RawProviderModel = Exclude<Providers.Model, string>;

export type RawMappingsFile = Mappings.MappingsSource;
export type RawAlias = Mappings.Alias;
export type RawDeployment = Mappings.Deployment;
export type RawExactMatch = Mappings.ExactMatch;
export type RawPattern = Mappings.Pattern;
export type RawCapability = Mappings.Capability;
export type RawLbGroup = Mappings.LbGroup;
export type RawLbMember = RawLbGroup['providers'][number];
export type RawLoadBalancing = NonNullable<RawMappingsFile['load_balancing']>;
export type RawFallbackChain = Mappings.FallbackChain;
export type RawChainStep = NonNullable<RawFallbackChain['chain']>[number];
export type RawRouter = Mappings.Router;
export type RawServer = Mappings.Server;
export type RawCache = Mappings.Cache;
export type RawFleet = Mappings.Fleet;
