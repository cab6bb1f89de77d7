// Why a field holds its form back: a required text not written yet, or a text over its limit.
// The note sits next to the field and describes both the field and the button it disables; a
// text over the limit is never cut, it is refused with the limit and its length.
import type { TFunction } from 'i18next';

export interface TextRule {
  /** The message shown while the field is empty (the field is required). */
  required?: string;
  /** The most characters the store takes. */
  limit?: number;
}

export interface TextCheck {
  /** What to say next to the field, or null when all is well. */
  message: string | null;
  /** True when the text is over its limit: said as an alert. */
  alert: boolean;
  /** True when the form cannot be sent with this text. */
  blocks: boolean;
}

export function checkText(value: string, rule: TextRule, t: TFunction): TextCheck {
  const length = value.trim().length;
  if (length === 0 && rule.required) return { message: rule.required, alert: false, blocks: true };
  if (rule.limit !== undefined && length > rule.limit) {
    return { message: t('forms.tooLong', { length, limit: rule.limit }), alert: true, blocks: true };
  }
  return { message: null, alert: false, blocks: false };
}

export function FieldNote({ id, check }: { id: string; check: TextCheck }) {
  if (check.message === null) return null;
  return (
    <span id={id} className={check.alert ? 'field-error' : 'field-note'} role={check.alert ? 'alert' : undefined} data-testid="field-note">
      {check.message}
    </span>
  );
}

/** The aria-describedby of a field or button the note is about. */
export function noteRef(id: string, check: TextCheck): string | undefined {
  return check.message === null ? undefined : id;
}
