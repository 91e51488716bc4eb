import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  MAX_GEOFENCE_RADIUS_M,
  MIN_GEOFENCE_RADIUS_M,
  Routes,
  STATION_STATUSES,
  type StationDetail,
  type StationSummary,
  MAX_OPENING_EXCEPTIONS,
  MAX_STATION_HOTLINES,
} from '@yizhan/contracts';
import {
  Alert,
  AutoComplete,
  Button,
  Checkbox,
  DatePicker,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Skeleton,
  Space,
  Switch,
  TreeSelect,
  Typography,
} from 'antd';
import { useMemo } from 'react';
import { api } from '../../api/client';
import { invalidFields } from '../../api/errors';
import { amenityOptions } from '../../components/amenities';
import {
  isCompleteLocation,
  LocationPicker,
  type LocationValue,
} from '../../components/LocationPicker';
import { QueryState } from '../../components/QueryState';
import { regionTreeData, useRegions } from '../../hooks/useRegions';
import { useEditorSave } from '../../hooks/useEditorSave';
import { tc } from '../../i18n/common';
import { errorText } from '../../i18n/errors';
import { t } from './messages';
import {
  CLOSING_TIME,
  emptyStationForm,
  parseIntervals,
  stationToForm,
  TELEPHONE,
  TIME_OF_DAY,
  toCreateStation,
  toUpdateStation,
  type StationFormValues,
} from './station-form';

type Key = Parameters<typeof t>[0];

interface StationEditorProps {
  /** null: create a new station; an id: edit that one. */
  stationId: string | null;
  open: boolean;
  /** The region's stations: grey dots on the map and the brands to suggest. */
  stations: StationSummary[];
  onClose: () => void;
  onSaved: (station: StationDetail) => void;
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** The create/edit drawer of a station, with every field the API takes (photos aside). */
export function StationEditor({ stationId, open, stations, onClose, onSaved }: StationEditorProps) {
  const detail = useQuery({
    queryKey: ['station', stationId],
    queryFn: ({ signal }) => api.get<StationDetail>(Routes.station(stationId!), undefined, signal),
    enabled: open && stationId !== null,
    staleTime: 0,
  });
  const editing = stationId !== null;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={760}
      destroyOnHidden
      title={
        editing ? t('editor.editTitle', { name: detail.data?.name ?? '' }) : t('editor.createTitle')
      }
    >
      {editing ? (
        <QueryState query={detail}>
          {(station) => (
            <StationForm
              key={station.id}
              station={station}
              stations={stations}
              onCancel={onClose}
              onSaved={onSaved}
            />
          )}
        </QueryState>
      ) : open ? (
        <StationForm station={null} stations={stations} onCancel={onClose} onSaved={onSaved} />
      ) : (
        <Skeleton />
      )}
    </Drawer>
  );
}

/** The brand most of the region's stations carry: a new one likely carries it too. */
function commonBrand(stations: StationSummary[]): string {
  const counts = new Map<string, number>();
  for (const station of stations) counts.set(station.brand, (counts.get(station.brand) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

function StationForm({
  station,
  stations,
  onCancel,
  onSaved,
}: {
  station: StationDetail | null;
  stations: StationSummary[];
  onCancel: () => void;
  onSaved: (station: StationDetail) => void;
}) {
  const [form] = Form.useForm<StationFormValues>();
  const regions = useRegions();
  const initial = useMemo(
    () => (station ? stationToForm(station) : emptyStationForm(commonBrand(stations))),
    [station, stations],
  );
  const brands = useMemo(
    () => [...new Set(stations.map((item) => item.brand))].map((value) => ({ value })),
    [stations],
  );
  const references = useMemo(
    () =>
      stations
        .filter((item) => item.id !== station?.id)
        .map(({ id, name, lat, lng }) => ({ id, name, lat, lng })),
    [stations, station?.id],
  );
  const radius = Form.useWatch('geofenceRadiusM', form);

  const save = useEditorSave({
    existing: station,
    create: (values: StationFormValues) =>
      api.post<StationDetail>(Routes.stations, toCreateStation(values)),
    changesOf: toUpdateStation,
    patch: (changes, editing) => api.patch<StationDetail>(Routes.station(editing.id), changes),
    onSaved,
    onUnchanged: onCancel,
    onError: (error) => {
      // Mark the fields the API named (lat/lng belong to the location field).
      const fields = invalidFields(error);
      const names = [...new Set(fields.map((field) => fieldName(field)))];
      form.setFields(
        names.map((name) => ({
          name: name as keyof StationFormValues,
          errors: [errorText(error)],
        })),
      );
    },
  });

  const required = (key: Key) => ({
    required: true,
    message: tc('field.required', { field: t(key) }),
  });

  return (
    <Form<StationFormValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(values) => save.mutate(values)}
      scrollToFirstError
      className="station-editor"
    >
      {save.error ? (
        <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Divider titlePlacement="start">{t('editor.section.basic')}</Divider>
      <Form.Item name="name" label={t('field.name')} rules={[required('field.name'), { max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Flex gap={16}>
        <Form.Item
          name="regionId"
          label={t('field.region')}
          rules={[required('field.region')]}
          style={{ flex: 1 }}
        >
          <TreeSelect
            treeData={regionTreeData(regions.root)}
            treeDefaultExpandAll
            showSearch
            treeNodeFilterProp="title"
            loading={regions.loading}
          />
        </Form.Item>
        <Form.Item
          name="brand"
          label={t('field.brand')}
          tooltip={t('field.brand.help')}
          rules={[required('field.brand'), { max: 50 }]}
          style={{ flex: 1 }}
        >
          <AutoComplete options={brands} />
        </Form.Item>
      </Flex>
      <Form.Item
        name="address"
        label={t('field.address')}
        rules={[required('field.address'), { max: 255 }]}
      >
        <Input maxLength={255} />
      </Form.Item>
      <Flex gap={16}>
        <Form.Item name="status" label={t('field.status')} style={{ flex: 1 }}>
          <Radio.Group
            optionType="button"
            options={STATION_STATUSES.map((value) => ({
              value,
              label: t(`status.${value}` as Key),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="geofenceRadiusM"
          label={t('field.geofence')}
          tooltip={t('field.geofence.help', {
            min: MIN_GEOFENCE_RADIUS_M,
            max: MAX_GEOFENCE_RADIUS_M,
          })}
          rules={[required('field.geofence')]}
        >
          <InputNumber
            min={MIN_GEOFENCE_RADIUS_M}
            max={MAX_GEOFENCE_RADIUS_M}
            precision={0}
            step={10}
            style={{ width: 140 }}
          />
        </Form.Item>
      </Flex>
      <Form.Item name="amenities" label={t('field.amenities')}>
        <Checkbox.Group options={amenityOptions()} className="station-editor__amenities" />
      </Form.Item>

      <Divider titlePlacement="start">{t('editor.section.location')}</Divider>
      <Form.Item
        name="location"
        rules={[
          {
            validator: (_, value: LocationValue | undefined) =>
              isCompleteLocation(value)
                ? Promise.resolve()
                : Promise.reject(new Error(t('field.location.required'))),
          },
        ]}
      >
        <LocationPicker references={references} radiusM={radius} />
      </Form.Item>

      <Divider titlePlacement="start">{t('editor.section.hours')}</Divider>
      <WeeklyHoursField />
      <ExceptionsField />

      <Divider titlePlacement="start">{t('editor.section.contact')}</Divider>
      <Flex gap={16}>
        <Form.Item
          name="phone"
          label={t('field.phone')}
          style={{ flex: 1 }}
          rules={[{ pattern: TELEPHONE, message: t('field.phone.invalid') }]}
        >
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item
          name="managerName"
          label={t('field.managerName')}
          style={{ flex: 1 }}
          rules={[{ max: 50 }]}
        >
          <Input maxLength={50} />
        </Form.Item>
      </Flex>
      <Form.Item name="services" label={t('field.services')}>
        <Select mode="tags" open={false} placeholder={t('field.services.placeholder')} />
      </Form.Item>
      <HotlinesField />
      <Form.Item name="description" label={t('field.description')} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      {station ? (
        <Typography.Paragraph type="secondary">{t('editor.photosNote')}</Typography.Paragraph>
      ) : null}
      <Flex justify="flex-end" gap={8} className="station-editor__footer">
        <Button onClick={onCancel}>{tc('action.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {tc('action.save')}
        </Button>
      </Flex>
    </Form>
  );
}

/** The form field an API error names: `openingHours.exceptions.0.date` → openingHours area. */
function fieldName(apiField: string): string {
  const [head] = apiField.split('.');
  if (head === 'lat' || head === 'lng') return 'location';
  if (head === 'openingHours') return 'weekly';
  if (head === 'hotlines') return 'hotlines';
  return head;
}

/** One "HH:mm" of a weekly interval: required, in the form `pattern` accepts. */
function TimeOfDayField(props: {
  name: [number, string];
  pattern: RegExp;
  placeholder: string;
  label: string;
}) {
  const invalid = t('field.time.invalid');
  return (
    <Form.Item
      name={props.name}
      rules={[
        { required: true, message: invalid },
        { pattern: props.pattern, message: invalid },
      ]}
      style={{ marginBottom: 0 }}
    >
      <Input placeholder={props.placeholder} style={{ width: 80 }} aria-label={props.label} />
    </Form.Item>
  );
}

function WeeklyHoursField() {
  return (
    <Form.Item label={t('field.weekly')} tooltip={t('field.weekly.help')}>
      <Form.List name="weekly">
        {(rows, { add, remove }) => (
          <Flex vertical gap={8}>
            {rows.map((row) => (
              <Flex key={row.key} gap={8} align="baseline" wrap className="weekly-row">
                <Form.Item
                  name={[row.name, 'days']}
                  rules={[{ required: true, message: t('field.weekly.daysRequired') }]}
                  style={{ marginBottom: 0 }}
                >
                  <Checkbox.Group
                    options={WEEKDAYS.map((day) => ({
                      value: day,
                      label: t(`weekday.short.${day}` as Key),
                    }))}
                  />
                </Form.Item>
                <TimeOfDayField
                  name={[row.name, 'open']}
                  pattern={TIME_OF_DAY}
                  placeholder="08:00"
                  label={t('field.weekly.open')}
                />
                <span>–</span>
                <TimeOfDayField
                  name={[row.name, 'close']}
                  pattern={CLOSING_TIME}
                  placeholder="22:00"
                  label={t('field.weekly.close')}
                />
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('action.delete')}
                  onClick={() => remove(row.name)}
                />
              </Flex>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ days: [1, 2, 3, 4, 5, 6, 7], open: '08:00', close: '22:00' })}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('field.weekly.add')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}

function ExceptionsField() {
  return (
    <Form.Item label={t('field.exceptions')}>
      <Form.List name="exceptions">
        {(rows, { add, remove }) => (
          <Flex vertical gap={8}>
            {rows.map((row) => (
              <Flex key={row.key} gap={8} align="baseline" wrap>
                <Form.Item
                  name={[row.name, 'date']}
                  rules={[
                    {
                      required: true,
                      message: tc('field.required', { field: t('field.exceptions.date') }),
                    },
                  ]}
                  style={{ marginBottom: 0 }}
                >
                  <DatePicker aria-label={t('field.exceptions.date')} />
                </Form.Item>
                <Form.Item
                  name={[row.name, 'closed']}
                  valuePropName="checked"
                  style={{ marginBottom: 0 }}
                >
                  <Switch
                    checkedChildren={t('field.exceptions.closed')}
                    unCheckedChildren={t('field.exceptions.intervals')}
                  />
                </Form.Item>
                <Form.Item noStyle dependencies={[['exceptions', row.name, 'closed']]}>
                  {({ getFieldValue }) =>
                    getFieldValue(['exceptions', row.name, 'closed']) ? null : (
                      <Form.Item
                        name={[row.name, 'intervals']}
                        rules={[
                          {
                            validator: (_, text: string | undefined) => {
                              const parsed = parseIntervals(text);
                              return parsed && parsed.length > 0
                                ? Promise.resolve()
                                : Promise.reject(
                                    new Error(t('field.exceptions.intervals.invalid')),
                                  );
                            },
                          },
                        ]}
                        style={{ marginBottom: 0 }}
                      >
                        <Input
                          placeholder={t('field.exceptions.intervals.placeholder')}
                          style={{ width: 220 }}
                        />
                      </Form.Item>
                    )
                  }
                </Form.Item>
                <Form.Item
                  name={[row.name, 'note']}
                  style={{ marginBottom: 0 }}
                  rules={[{ max: 60 }]}
                >
                  <Input
                    placeholder={t('field.exceptions.note')}
                    style={{ width: 140 }}
                    maxLength={60}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('action.delete')}
                  onClick={() => remove(row.name)}
                />
              </Flex>
            ))}
            {rows.length < MAX_OPENING_EXCEPTIONS ? (
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ date: null, closed: true, intervals: '', note: '' })}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('field.exceptions.add')}
              </Button>
            ) : null}
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}

function HotlinesField() {
  return (
    <Form.Item label={t('field.hotlines')}>
      <Form.List name="hotlines">
        {(rows, { add, remove }) => (
          <Flex vertical gap={8}>
            {rows.map((row) => (
              <Space key={row.key} align="baseline">
                <Form.Item
                  name={[row.name, 'name']}
                  rules={[
                    {
                      required: true,
                      whitespace: true,
                      message: tc('field.required', { field: t('field.hotlines.name') }),
                    },
                  ]}
                  style={{ marginBottom: 0 }}
                >
                  <Input placeholder={t('field.hotlines.name')} maxLength={40} />
                </Form.Item>
                <Form.Item
                  name={[row.name, 'phone']}
                  rules={[
                    { required: true, pattern: TELEPHONE, message: t('field.phone.invalid') },
                  ]}
                  style={{ marginBottom: 0 }}
                >
                  <Input placeholder={t('field.hotlines.phone')} maxLength={32} />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('action.delete')}
                  onClick={() => remove(row.name)}
                />
              </Space>
            ))}
            {rows.length < MAX_STATION_HOTLINES ? (
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ name: '', phone: '' })}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('field.hotlines.add')}
              </Button>
            ) : null}
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
