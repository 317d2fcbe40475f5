import { useState } from 'react';

/** Today's date, read once when the component mounts (period defaults need no finer clock). */
export function useToday(): Date {
  const [today] = useState(() => new Date());
  return today;
}
