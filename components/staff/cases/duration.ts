/**
 * Office time as the SOP writes it: "30 menit", "1 jam", "1 jam 15 menit". The words come
 * from the messages (`workspace.duration`), so English reads "1 hour 15 minutes".
 */
export interface DurationWords {
  hours: (n: number) => string;
  minutes: (n: number) => string;
}

export function splitMinutes(total: number): { hours: number; minutes: number } {
  const whole = Math.max(0, Math.round(total));
  return { hours: Math.floor(whole / 60), minutes: whole % 60 };
}

export function formatDuration(total: number, words: DurationWords): string {
  const { hours, minutes } = splitMinutes(total);
  if (hours === 0) return words.minutes(minutes);
  return minutes === 0 ? words.hours(hours) : `${words.hours(hours)} ${words.minutes(minutes)}`;
}
