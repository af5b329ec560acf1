import { useParams } from 'react-router';
import { MatchingPage } from './MatchingPage';
import { MatchingRunPage } from './MatchingRunPage';

/**
 * The mentor matching pages, one chunk for both (the app's one route /matching/:id?): the runs of
 * a group, or one run when the address names it.
 */
export function MatchingPages() {
  const { id } = useParams();
  return id === undefined ? <MatchingPage /> : <MatchingRunPage />;
}
