import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { t } from '../../i18n';
import { Button, Popup } from '../nutui';
import './index.scss';

const portalTarget = () => document.body;

/**
 * A bottom sheet holding one small form (edit a description, dispatch, resolve, reject …):
 * its fields, an inline error, 取消 and the form's own button.
 */
export function SheetForm(props: {
  visible: boolean;
  title: string;
  className?: string;
  submitText: string;
  submitting: boolean;
  error?: string | null;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Popup
      portal={process.env.TARO_ENV === 'h5' ? portalTarget : undefined}
      className={`sheet-form ${props.className ?? ''}`}
      visible={props.visible}
      position="bottom"
      round
      closeable={false}
      closeOnOverlayClick={!props.submitting}
      title={props.title}
      onClose={props.onClose}
    >
      <View className="sheet-form__body" role="dialog" aria-label={props.title}>
        {props.children}
        {props.error && (
          <View className="sheet-form__error" role="alert">
            {props.error}
          </View>
        )}
        <View className="sheet-form__actions">
          <Button
            className="sheet-form__cancel"
            fill="outline"
            type="default"
            disabled={props.submitting}
            onClick={props.onClose}
          >
            {t('common.cancel')}
          </Button>
          <Button
            className="sheet-form__submit"
            type="primary"
            loading={props.submitting}
            onClick={props.onSubmit}
          >
            {props.submitText}
          </Button>
        </View>
      </View>
    </Popup>
  );
}

/** A field's label inside a sheet. */
export function SheetLabel({ children }: { children: ReactNode }) {
  return <Text className="sheet-form__label">{children}</Text>;
}
