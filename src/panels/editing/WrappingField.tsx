/**
 * A one-line value shown whole: a text area that grows with its text (a long
 * title, publisher or URL wraps instead of being cut at the field's edge),
 * yet holds one line like an input — Enter submits the form, and line breaks
 * pasted in become spaces.
 */
import { useLayoutEffect, useRef, type TextareaHTMLAttributes } from 'react';

type WrappingFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value' | 'rows'> & {
  value: string;
  onValue: (value: string) => void;
};

export function WrappingField({ value, onValue, className, ...rest }: WrappingFieldProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  // `field-sizing: content` does this in Chromium; the height set here is for the browsers without it.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || CSS.supports('field-sizing', 'content')) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight}px`;
  }, [value]);
  return (
    <textarea
      ref={ref}
      rows={1}
      className={['wrapping-field', className].filter(Boolean).join(' ')}
      value={value}
      onChange={(e) => onValue(e.target.value.replace(/\r\n?|\n/g, ' '))}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
          e.preventDefault();
          e.currentTarget.form?.requestSubmit();
        }
      }}
      {...rest}
    />
  );
}
