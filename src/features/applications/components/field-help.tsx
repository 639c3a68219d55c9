/** Describes a control: the help text, then the error (both read out by screen readers after the label). */
export function describedBy(id: string, help: boolean, error: boolean): string | undefined {
  return [help && `${id}-help`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
}

/** The help under a field, then its Vietnamese error; ids as `describedBy` names them. */
export function HelpAndError({ id, help, error }: { id: string; help?: string; error?: string }) {
  return (
    <>
      {help && (
        <p id={`${id}-help`} className="field-help">
          {help}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </>
  );
}
