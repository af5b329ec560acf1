import { useEffect } from 'react';

/** Sets the browser tab title to "<page> · gotong". */
export function useDocumentTitle(page: string): void {
  useEffect(() => {
    document.title = page ? `${page} · gotong` : 'gotong';
  }, [page]);
}
