import type { GroupView } from '../types';
import { MaterialsBoard } from './MaterialsBoard';
import { PurchasesCard } from './PurchasesCard';

/** Bahan baku: open offers and requests between members with their matches, and buying together. */
export function MaterialsSection({ group }: { group: GroupView }) {
  return (
    <>
      <MaterialsBoard group={group} />
      <PurchasesCard group={group} />
    </>
  );
}
