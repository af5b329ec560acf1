import { Alert } from './Alert';

/** A page whose record is not there yet: why it did not come (`problem`, in words), or that it is on its way. */
export function Pending({ problem, loading }: { problem: string | null; loading: string }) {
  return problem !== null ? <Alert tone="error">{problem}</Alert> : <p role="status">{loading}</p>;
}
