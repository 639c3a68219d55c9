import type { Clock } from '../clock';
import { localDay } from './sending-hours';

export interface DailyLimitSettings {
  /** Template messages by phone a day: `remainingQuota` starts there each local day. */
  dailyQuota: number;
  /** Mini app notifications a day for the whole app. */
  miniAppDailyLimit: number;
}

export interface ZbsQuota {
  dailyQuota: number;
  remainingQuota: number;
}

export interface DailyLimitsView extends DailyLimitSettings {
  /** The Asia/Ho_Chi_Minh day the counters are for. */
  day: string;
  remainingQuota: number;
  miniAppSentToday: number;
}

export type MiniAppRefusal = 'user-daily-limit' | 'app-daily-limit';

/**
 * Zalo's daily counters, by the Asia/Ho_Chi_Minh calendar day of the sandbox clock: the OA's template-message quota,
 * one mini app notification per user a day, and the app's daily notification limit. Everything starts afresh at
 * local midnight.
 */
export class DailyLimits {
  private settings: DailyLimitSettings;
  private day = '';
  private remaining = 0;
  private readonly miniAppUsersToday = new Set<string>();
  private miniAppSentToday = 0;

  constructor(
    private readonly now: Clock,
    private readonly initial: DailyLimitSettings,
  ) {
    this.settings = { ...initial };
  }

  /** Takes one message off today's quota; undefined (nothing taken) when it is used up. */
  takeZbs(): ZbsQuota | undefined {
    this.roll();
    if (this.remaining <= 0) return undefined;
    this.remaining -= 1;
    return { dailyQuota: this.settings.dailyQuota, remainingQuota: this.remaining };
  }

  /** Why a mini app notification to this user cannot go out today, or undefined when it can. */
  miniAppRefusal(userId: string): MiniAppRefusal | undefined {
    this.roll();
    if (this.miniAppUsersToday.has(userId)) return 'user-daily-limit';
    if (this.miniAppSentToday >= this.settings.miniAppDailyLimit) return 'app-daily-limit';
    return undefined;
  }

  recordMiniApp(userId: string): void {
    this.roll();
    this.miniAppUsersToday.add(userId);
    this.miniAppSentToday += 1;
  }

  view(): DailyLimitsView {
    this.roll();
    return {
      day: this.day,
      dailyQuota: this.settings.dailyQuota,
      remainingQuota: this.remaining,
      miniAppDailyLimit: this.settings.miniAppDailyLimit,
      miniAppSentToday: this.miniAppSentToday,
    };
  }

  /**
   * Control: a new daily quota keeps today's use (remaining = new quota − used today, at least 0) unless
   * `remainingQuota` is given too; `remainingQuota` alone changes today only.
   */
  set(change: Partial<DailyLimitSettings> & { remainingQuota?: number }): DailyLimitsView {
    this.roll();
    if (change.dailyQuota !== undefined) {
      const usedToday = Math.max(0, this.settings.dailyQuota - this.remaining);
      this.settings.dailyQuota = change.dailyQuota;
      this.remaining = Math.max(0, change.dailyQuota - usedToday);
    }
    if (change.remainingQuota !== undefined) this.remaining = change.remainingQuota;
    if (change.miniAppDailyLimit !== undefined) this.settings.miniAppDailyLimit = change.miniAppDailyLimit;
    return this.view();
  }

  /** Back to the configured limits with nothing used today. */
  reset(): void {
    this.settings = { ...this.initial };
    this.day = '';
    this.roll();
  }

  private roll(): void {
    const today = localDay(this.now());
    if (today === this.day) return;
    this.day = today;
    this.remaining = this.settings.dailyQuota;
    this.miniAppUsersToday.clear();
    this.miniAppSentToday = 0;
  }
}
