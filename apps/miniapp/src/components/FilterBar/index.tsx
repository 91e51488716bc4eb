import { View } from '@tarojs/components';
import { t, type TextKey } from '../../i18n';
import { Button } from '../nutui';
import './index.scss';

export interface FilterToggle<Key extends string> {
  key: Key;
  label: TextKey;
}

interface FilterBarProps<Key extends string> {
  /** The toggles of the row, in order. */
  toggles: ReadonlyArray<FilterToggle<Key>>;
  values: Readonly<Record<Key, boolean>>;
  onChange: (next: Record<Key, boolean>) => void;
}

function Chip(props: { on: boolean; label: string; onPress: () => void; className?: string }) {
  return (
    <Button
      className={`filter-bar__chip ${props.on ? 'filter-bar__chip--on' : ''} ${props.className ?? ''}`}
      size="small"
      shape="round"
      type={props.on ? 'primary' : 'default'}
      fill={props.on ? 'solid' : 'outline'}
      onClick={props.onPress}
    >
      {props.label}
    </Button>
  );
}

/** A row of on/off filters (营业中, 换电柜; 附近, 积分够用). */
export function FilterBar<Key extends string>({ toggles, values, onChange }: FilterBarProps<Key>) {
  return (
    <View className="filter-bar">
      {toggles.map(({ key, label }) => (
        <Chip
          key={key}
          className={`filter-bar__chip--${key}`}
          on={values[key]}
          label={t(label)}
          onPress={() => onChange({ ...values, [key]: !values[key] })}
        />
      ))}
    </View>
  );
}

interface ChoiceBarProps<Value extends string> {
  choices: ReadonlyArray<{ value: Value; label: string }>;
  value: Value;
  onChange: (value: Value) => void;
}

/** The same chips where exactly one is chosen (a status filter: 全部, 待使用 …). */
export function ChoiceBar<Value extends string>({
  choices,
  value,
  onChange,
}: ChoiceBarProps<Value>) {
  return (
    <View className="filter-bar filter-bar--choice">
      {choices.map((choice) => (
        <Chip
          key={choice.value}
          on={choice.value === value}
          label={choice.label}
          onPress={() => {
            if (choice.value !== value) onChange(choice.value);
          }}
        />
      ))}
    </View>
  );
}
