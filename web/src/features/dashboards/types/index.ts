// The dashboards' wire types, named from the spec (docs/openapi.yaml, tag dashboards): the equity of
// assistance against the registry, and the quadruple helix network with each helix's contribution.
import { valuesOf, type Schemas } from '../../../lib/api/schemas';

export { ASSISTANCE_KINDS, isAssistanceKind, type AssistanceKind } from '../../../lib/assistance';

export type EquityDashboard = Schemas['EquityDashboard'];
export type EquityRow = Schemas['EquityRow'];
export type EquityBy = EquityDashboard['by'];
export type NeverServedGroup = EquityDashboard['groups_never_served']['items'][number];
export type HelixDashboard = Schemas['HelixDashboard'];
export type HelixNode = HelixDashboard['nodes'][number];
export type HelixEdge = HelixDashboard['edges'][number];
export type HelixContribution = HelixDashboard['helixes'][number];
export type Helix = Schemas['Helix'];
export type ProgrammePage = Schemas['ProgrammePage'];
export type Region = Schemas['Region'];

export const EQUITY_BY = valuesOf<EquityBy>()(['region', 'sector', 'scale', 'gender']);
export const HELICES = valuesOf<Helix>()(['government', 'business', 'academia', 'civil_society']);

const isOneOf =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): value is T =>
    typeof value === 'string' && (values as readonly string[]).includes(value);

export const isEquityBy = isOneOf(EQUITY_BY);
export const isHelix = isOneOf(HELICES);

export const EQUITY_PATH = '/dashboards/equity';
export const HELIX_PATH = '/dashboards/helix';
