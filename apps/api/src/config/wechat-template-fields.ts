import { TemplateField, TemplateFieldSource } from './app-config';

/**
 * The WeChat template field types a report message can fill, and which of our values each may
 * show. A template key is its type followed by digits (`thing1`, `phrase2`, `time3`); WeChat
 * refuses a value that breaks its type's rule (47003), so a value that could never fit a type
 * (a note in a `time` field) is refused here, when the process starts.
 */
export const TEMPLATE_FIELD_TYPES = {
  thing: ['category', 'status', 'note'],
  short_thing: ['category', 'status', 'note'],
  phrase: ['category', 'status', 'note'],
  time: ['time'],
  date: ['time'],
  number: ['points'],
} as const satisfies Record<string, readonly TemplateFieldSource[]>;

export type TemplateFieldType = keyof typeof TEMPLATE_FIELD_TYPES;

/** Suits WeChat's common "事项 / 状态 / 时间 / 备注" status templates. */
export const DEFAULT_REPORT_TEMPLATE_FIELDS =
  'thing1=category,phrase2=status,time3=time,thing4=note';

const MAX_FIELDS = 10;
const KEY_PATTERN = /^([a-z]+(?:_[a-z]+)*)(\d{1,2})$/;

export function templateFieldType(key: string): TemplateFieldType | null {
  const type = KEY_PATTERN.exec(key)?.[1];
  return type !== undefined && Object.hasOwn(TEMPLATE_FIELD_TYPES, type)
    ? (type as TemplateFieldType)
    : null;
}

/**
 * `thing1=category,phrase2=status,…` → fields; a string naming the problem when it is not a
 * usable mapping.
 */
export function parseTemplateFields(raw: string): TemplateField[] | string {
  const pairs = raw
    .split(',')
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '');
  if (pairs.length === 0 || pairs.length > MAX_FIELDS) {
    return `must list 1 to ${MAX_FIELDS} key=value pairs such as ${DEFAULT_REPORT_TEMPLATE_FIELDS}`;
  }
  const fields: TemplateField[] = [];
  for (const pair of pairs) {
    const [key = '', source = '', extra] = pair.split('=').map((part) => part.trim());
    const type = templateFieldType(key);
    if (extra !== undefined || type === null) {
      return `has "${pair}": keys must be ${Object.keys(TEMPLATE_FIELD_TYPES).join('/')} followed by digits`;
    }
    const allowed: readonly string[] = TEMPLATE_FIELD_TYPES[type];
    if (!allowed.includes(source)) {
      return `has "${pair}": a ${type} field shows one of ${allowed.join(', ')}`;
    }
    if (fields.some((field) => field.key === key)) return `names ${key} twice`;
    fields.push({ key, source: source as TemplateFieldSource });
  }
  return fields;
}
