/** How long past the deadline, in the largest whole unit: minutes, hours, then days from two days on. */
export function timeLate(returnBy: string | null, now = Date.now()): string {
  if (!returnBy) return '';
  const minutes = Math.floor((now - new Date(returnBy).getTime()) / 60_000);
  if (minutes < 60) return `逾期 ${Math.max(minutes, 1)} 分钟`;
  const hours = Math.floor(minutes / 60);
  return hours >= 48 ? `逾期 ${Math.floor(hours / 24)} 天` : `逾期 ${hours} 小时`;
}
