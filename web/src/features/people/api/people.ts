import { api, withSignal } from '../../../lib/api-client';
import { listQuery, type PeopleFilters } from '../types/filters';
import type { AuditPage, Person, PersonPage, PersonPatch, Stakeholder } from '../types';

export function listPeople(filters: PeopleFilters, signal?: AbortSignal): Promise<PersonPage> {
  return api.get<PersonPage>('/people', { query: listQuery(filters), ...withSignal(signal) });
}

export function getPerson(id: number, signal?: AbortSignal): Promise<Person> {
  return api.get<Person>(`/people/${id}`, withSignal(signal));
}

/** The changes alone: fields left out keep their value, null clears one, `"nik": null` removes the NIK and its consent. */
export function updatePerson(id: number, patch: PersonPatch): Promise<Person> {
  return api.patch<Person>(`/people/${id}`, patch);
}

export function personHistory(id: number, offset: number, limit: number, signal?: AbortSignal): Promise<AuditPage> {
  return api.get<AuditPage>(`/people/${id}/history`, { query: { limit, offset }, ...withSignal(signal) });
}

/** The name of the stakeholder that keeps a record (every signed-in user may read stakeholders). */
export async function stewardName(id: number, signal?: AbortSignal): Promise<string> {
  const stakeholder = await api.get<Stakeholder>(`/stakeholders/${id}`, withSignal(signal));
  return stakeholder.name;
}
