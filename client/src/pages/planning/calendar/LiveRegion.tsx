/** The calendar's polite live region: moves, drops, assignments and refusals are read out. */
export function LiveRegion({ message }: { message: string }) {
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="calendar-live">
      {message}
    </div>
  );
}
