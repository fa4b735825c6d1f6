/**
 * The year a plan is for: "Kế hoạch … năm 2025", the issuing date "ngày 10 tháng 9 năm 2025", or
 * failing those the most frequent year in the first part of the text.
 */
import { foldForMatch } from "../text/normalize";

export function detectPlanYear(text: string, fallback = new Date().getFullYear()): number {
  const head = foldForMatch(text.slice(0, 6000));
  const named = /ke\s+hoach[^.]{0,200}?\bnam\s+(20\d{2})/.exec(head);
  if (named) return Number(named[1]);
  const issued = /ngay\s+(?:\d{1,2}\s+)?thang\s+(?:\d{1,2}\s+)?nam\s+(20\d{2})/.exec(head);
  if (issued) return Number(issued[1]);
  const counts = new Map<number, number>();
  for (const m of head.matchAll(/\b(20\d{2})\b/g))
    counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  return best ? best[0] : fallback;
}
