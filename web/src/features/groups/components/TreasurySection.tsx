import type { GroupView } from '../types';
import { AssetsCard } from './AssetsCard';
import { FeesCard } from './FeesCard';
import { LedgerCard } from './LedgerCard';
import { StatementCard } from './StatementCard';

/** Kas: the statement and its chart, the ledger with corrections, fees with arrears, and common assets. */
export function TreasurySection({ group }: { group: GroupView }) {
  return (
    <>
      <StatementCard group={group} />
      <LedgerCard group={group} />
      <FeesCard group={group} />
      <AssetsCard group={group} />
    </>
  );
}
