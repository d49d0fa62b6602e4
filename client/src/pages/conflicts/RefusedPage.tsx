import { RefusedChanges } from './RefusedChanges';

/** The refused writes of this device for every role (ADMIN and MANAGER also find them in /conflicts). */
export function RefusedPage() {
  return (
    <div className="page card">
      <RefusedChanges asPage />
    </div>
  );
}
