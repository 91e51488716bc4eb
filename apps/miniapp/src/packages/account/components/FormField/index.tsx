import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

interface FormFieldProps {
  label: string;
  /** The translated reason the value is refused, shown under the input. */
  error: string | null;
  className?: string;
  children: ReactNode;
}

/** A labelled input with its own error line, shared by the account forms. */
export function FormField({ label, error, className, children }: FormFieldProps) {
  return (
    <View className={`form-field ${error ? 'form-field--invalid' : ''} ${className ?? ''}`}>
      <Text className="form-field__label">{label}</Text>
      <View className="form-field__control">{children}</View>
      {error && (
        <View className="form-field__error" role="alert">
          {error}
        </View>
      )}
    </View>
  );
}
