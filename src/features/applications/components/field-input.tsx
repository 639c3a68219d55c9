import type { ReactNode } from 'react';
import type { FormFieldDefinition } from '@lao-cai-so/domain/application-form';
import { fieldId } from '../control-ids';
import { useApplicationsDictionary } from '../i18n/use-applications-dictionary';
import type { OfficeChoice, RawAnswer } from '../types';
import { CommunePicker } from './commune-picker';
import { describedBy, HelpAndError } from './field-help';

interface FieldInputProps {
  field: FormFieldDefinition;
  value: RawAnswer | undefined;
  error: string | undefined;
  onChange: (value: RawAnswer) => void;
  /** Display name of the picked commune (commune fields). */
  communeName?: string;
  onCommuneChange?: (office: OfficeChoice) => void;
}

function RequiredMark({ required }: { required: boolean }) {
  const { t } = useApplicationsDictionary();
  return <span className="field-requirement">{required ? t('applications.required') : t('applications.optional')}</span>;
}

function TextualField({ field, id, error, children }: { field: FormFieldDefinition; id: string; error?: string; children: ReactNode }) {
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className="field-label">
        {field.label} <RequiredMark required={field.required} />
      </label>
      {children}
      <HelpAndError id={id} help={field.help} error={error} />
    </div>
  );
}

const INPUT_ATTRIBUTES: Partial<Record<FormFieldDefinition['type'], Record<string, string>>> = {
  text: { type: 'text' },
  number: { type: 'text', inputMode: 'decimal' },
  date: { type: 'date' },
  'citizen-id': { type: 'text', inputMode: 'numeric', autoComplete: 'off' },
  phone: { type: 'tel', inputMode: 'tel', autoComplete: 'tel' },
};

function dateBound(bound: string | undefined, today: string): string | undefined {
  return bound === 'today' ? today : bound;
}

/** One field of the form, whatever its type: visible label, help, and the Vietnamese error under it. */
export function FieldInput({ field, value, error, onChange, communeName, onCommuneChange, today }: FieldInputProps & { today: string }) {
  const id = fieldId(field.code);
  const describedById = describedBy(id, Boolean(field.help), Boolean(error));
  const text = typeof value === 'string' ? value : '';
  const common = {
    id,
    name: field.code,
    'aria-describedby': describedById,
    'aria-invalid': error ? true : undefined,
    'aria-required': field.required || undefined,
  };

  switch (field.type) {
    case 'textarea':
      return (
        <TextualField field={field} id={id} error={error}>
          <textarea {...common} className="field-control" rows={4} value={text} onChange={(event) => onChange(event.target.value)} />
        </TextualField>
      );
    case 'single-choice':
    case 'multi-choice': {
      const multiple = field.type === 'multi-choice';
      const chosen = Array.isArray(value) ? value : text ? [text] : [];
      return (
        <fieldset
          className={`field choice-group${error ? ' field--invalid' : ''}`}
          aria-describedby={describedById}
          aria-invalid={error ? true : undefined}
        >
          <legend className="field-label">
            {field.label} <RequiredMark required={field.required} />
          </legend>
          {(field.options ?? []).map((option, index) => (
            <label key={option.value} className="choice">
              <input
                id={index === 0 ? id : undefined}
                type={multiple ? 'checkbox' : 'radio'}
                name={field.code}
                value={option.value}
                checked={chosen.includes(option.value)}
                onChange={(event) => {
                  if (!multiple) onChange(option.value);
                  else
                    onChange(
                      event.target.checked
                        ? [...chosen, option.value]
                        : chosen.filter((entry) => entry !== option.value),
                    );
                }}
              />
              <span>{option.label}</span>
            </label>
          ))}
          <HelpAndError id={id} help={field.help} error={error} />
        </fieldset>
      );
    }
    case 'commune':
      return (
        <CommunePicker
          id={id}
          label={<>{field.label} <RequiredMark required={field.required} /></>}
          help={field.help}
          error={error}
          value={text}
          valueName={communeName}
          types={['xa', 'phuong']}
          onChange={(office) => onCommuneChange?.(office)}
        />
      );
    default:
      return (
        <TextualField field={field} id={id} error={error}>
          <input
            {...common}
            {...INPUT_ATTRIBUTES[field.type]}
            className="field-control"
            value={text}
            min={field.type === 'date' ? dateBound(field.minDate, today) : undefined}
            max={field.type === 'date' ? dateBound(field.maxDate, today) : undefined}
            onChange={(event) => onChange(event.target.value)}
          />
        </TextualField>
      );
  }
}
