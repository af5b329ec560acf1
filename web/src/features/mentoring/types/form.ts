import type { ParseKeys } from 'i18next';
import type { Checked } from '../../../lib/use-form';
import { isSectorCode, type SectorCode } from '../../../lib/sectors';
import type { Competency } from './index';

export type CompetencyInput = Partial<import('../../../lib/api/schemas').Schemas['CompetencyInput']>;

export interface CompetencyDraft {
  code: string;
  /** '' for a business skill every sector shares. */
  sector: '' | SectorCode;
  name: string;
  name_en: string;
  description: string;
  retired: boolean;
}

export type CompetencyField = 'code' | 'sector' | 'name' | 'name_en' | 'description' | 'retired';

/** The server's limits (docs/openapi.yaml, Competency). */
export const MAX_CODE = 60;
export const MAX_NAME = 120;
export const MAX_DESCRIPTION = 2000;
const CODE = /^[a-z][a-z0-9_.]{1,59}$/;

export function emptyCompetencyDraft(sector: string | null): CompetencyDraft {
  return { code: '', sector: sector !== null && isSectorCode(sector) ? sector : '', name: '', name_en: '', description: '', retired: false };
}

export function draftFromCompetency(c: Competency): CompetencyDraft {
  return { code: c.code, sector: c.sector ?? '', name: c.name, name_en: c.name_en ?? '', description: c.description ?? '', retired: c.retired };
}

/**
 * A new competency needs a code (the name it keeps for good) and a name; an existing one's code
 * and sector are not sent, since they never change.
 */
export function validateCompetency(draft: CompetencyDraft, creating: boolean): Checked<CompetencyField, CompetencyInput> {
  const errors: Partial<Record<CompetencyField, ParseKeys<'translation'>[]>> = {};
  const code = draft.code.trim();
  const name = draft.name.trim();
  if (creating && code === '') errors.code = ['mentoring.form.codeRequired'];
  else if (creating && !CODE.test(code)) errors.code = ['mentoring.form.codeFormat'];
  if (name === '') errors.name = ['mentoring.form.nameRequired'];
  else if ([...name].length > MAX_NAME) errors.name = ['mentoring.form.tooLong'];
  if ([...draft.name_en.trim()].length > MAX_NAME) errors.name_en = ['mentoring.form.tooLong'];
  if ([...draft.description.trim()].length > MAX_DESCRIPTION) errors.description = ['mentoring.form.tooLong'];
  if (Object.keys(errors).length > 0) return { errors, input: null };
  const texts = { name, name_en: draft.name_en.trim() || null, description: draft.description.trim() || null };
  return {
    errors,
    input: creating ? { code, sector: draft.sector || null, ...texts } : { ...texts, retired: draft.retired },
  };
}

/** Only what changed, for PATCH. */
export function competencyPatch(original: Competency, input: CompetencyInput): CompetencyInput {
  const patch: CompetencyInput = {};
  if (input.name !== undefined && input.name !== original.name) patch.name = input.name;
  if (input.name_en !== undefined && input.name_en !== original.name_en) patch.name_en = input.name_en;
  if (input.description !== undefined && input.description !== original.description) patch.description = input.description;
  if (input.retired !== undefined && input.retired !== original.retired) patch.retired = input.retired;
  return patch;
}
