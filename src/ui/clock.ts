/** Whole seconds as a clock reads them: 75 → "1:15". */
export const clockText = (sec: number) => `${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, '0')}`;
