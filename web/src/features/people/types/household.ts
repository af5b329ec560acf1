// A person's household categories (the poverty register, zakat recipient) as the edit form holds
// them: shown and changed only by admins and the officers of the person's steward (the server sends
// `categories` to them alone), replaced as a whole list when changed (docs/data-protection-targeting.md).
import { valuesOf, type Schemas } from '../../../lib/api/schemas';

export type HouseholdCategory = Schemas['HouseholdCategory'];
export type HouseholdCategoryInput = Schemas['HouseholdCategoryInput'];
export type CategoryName = HouseholdCategory['category'];

export const HOUSEHOLD_CATEGORIES = valuesOf<CategoryName>()(['poor', 'zakat_recipient']);
/** The server's limit on a category's source, in characters. */
export const MAX_SOURCE = 200;

export interface CategoryDraft {
  on: boolean;
  /** ISO day or empty. */
  since: string;
  source: string;
}

export type HouseholdDraft = Record<CategoryName, CategoryDraft>;

/** The form's categories from the record; null when the caller may not see them (nor change them). */
export function householdDraft(categories: readonly HouseholdCategory[] | undefined): HouseholdDraft | null {
  if (categories === undefined) return null;
  const of = (name: CategoryName): CategoryDraft => {
    const saved = categories.find((c) => c.category === name);
    return { on: saved !== undefined, since: saved?.since ?? '', source: saved?.source ?? '' };
  };
  return { poor: of('poor'), zakat_recipient: of('zakat_recipient') };
}

/** The list the server takes: the ticked categories, an empty since or source as null. */
export function householdInput(draft: HouseholdDraft): HouseholdCategoryInput[] {
  return HOUSEHOLD_CATEGORIES.filter((name) => draft[name].on).map((name) => ({
    category: name,
    since: draft[name].since.trim() || null,
    source: draft[name].source.trim() || null,
  }));
}

/** Whether the list differs from what is stored (in any category, day or source). */
export function householdChanged(saved: readonly HouseholdCategory[], input: readonly HouseholdCategoryInput[]): boolean {
  if (saved.length !== input.length) return true;
  return input.some((c) => {
    const stored = saved.find((s) => s.category === c.category);
    return stored === undefined || (stored.since ?? null) !== (c.since ?? null) || (stored.source ?? null) !== (c.source ?? null);
  });
}

/** A source longer than the server keeps. */
export const sourceTooLong = (draft: HouseholdDraft) =>
  HOUSEHOLD_CATEGORIES.some((name) => draft[name].on && [...draft[name].source.trim()].length > MAX_SOURCE);
