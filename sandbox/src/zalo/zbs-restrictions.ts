import { NOTIFY_ERROR } from './zalo-errors';

export const PHONE_MARKS = [NOTIFY_ERROR.INVALID_PHONE, NOTIFY_ERROR.CANNOT_RECEIVE] as const;
export type PhoneMark = (typeof PHONE_MARKS)[number];

/**
 * What the control API tells Zalo about template messages by phone: phones marked as not a Zalo user (-108) or
 * unable to receive (-118), and templates that are not approved (every template id is approved otherwise).
 */
export class ZbsRestrictions {
  private readonly phoneMarks = new Map<string, PhoneMark>();
  private readonly unapproved = new Set<string>();

  markPhone(phone: string, mark: PhoneMark): void {
    this.phoneMarks.set(phone, mark);
  }

  unmarkPhone(phone: string): boolean {
    return this.phoneMarks.delete(phone);
  }

  markOf(phone: string): PhoneMark | undefined {
    return this.phoneMarks.get(phone);
  }

  setApproved(templateId: string, approved: boolean): void {
    if (approved) this.unapproved.delete(templateId);
    else this.unapproved.add(templateId);
  }

  isApproved(templateId: string): boolean {
    return !this.unapproved.has(templateId);
  }

  view(): { phoneMarks: Array<{ phone: string; error: PhoneMark }>; unapprovedTemplates: string[] } {
    return {
      phoneMarks: [...this.phoneMarks].map(([phone, error]) => ({ phone, error })),
      unapprovedTemplates: [...this.unapproved],
    };
  }

  clear(): void {
    this.phoneMarks.clear();
    this.unapproved.clear();
  }
}
