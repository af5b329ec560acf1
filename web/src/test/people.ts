// Sample records for the people pages' tests.
import type { AuditEntry, Person } from '../features/people/types';
import { VILLAGE } from './fixtures';

export function person(overrides: Partial<Person> = {}): Person {
  return {
    id: 12,
    name: 'Siti Aminah',
    gender: 'female',
    birth_year: 1980,
    occupation: 'ibu rumah tangga',
    phone: '+6281234567890',
    village_code: '35.79.03.2001',
    village: VILLAGE,
    nik: '3579015501800001',
    nik_masked: false,
    nik_consent_at: '2024-01-10T03:00:00Z',
    steward_id: 3,
    created_at: '2023-05-01T02:00:00Z',
    updated_at: '2024-01-10T03:00:00Z',
    ...overrides,
  };
}

export function historyEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: 41,
    at: '2025-02-01T03:00:00Z',
    actor: { id: 2, username: 'petugas' },
    entity: 'person',
    entity_id: '12',
    action: 'update',
    before: { phone: '+6281234567890', birth_year: 1908, updated_at: 'a' },
    after: { phone: '+6281333445566', birth_year: 1980, updated_at: 'b' },
    request_id: 'r1',
    ...overrides,
  };
}
