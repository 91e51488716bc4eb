import { AMENITIES, type Amenity } from '@yizhan/contracts';
import { getLocale } from '../i18n/locale';

/** The riders' words for amenities: the same as the mini program's (apps/miniapp zh-CN). */
const ZH_CN: Record<Amenity, string> = {
  seating: '座椅',
  water: '饮用水',
  microwave: '微波炉',
  fridge: '冰箱',
  air_conditioning: '空调',
  heating: '取暖',
  phone_charging: '手机充电',
  first_aid: '应急药箱',
  toilet: '卫生间',
  shower: '淋浴间',
  drying_room: '烘干间',
  battery_swap: '换电柜',
  rain_gear: '备用头盔雨衣',
  books: '书报',
  wifi: '无线网络',
  ebike_parking: '电动车停靠点',
};

const EN_US: Record<Amenity, string> = {
  seating: 'Seating',
  water: 'Drinking water',
  microwave: 'Microwave',
  fridge: 'Fridge',
  air_conditioning: 'Air conditioning',
  heating: 'Heating',
  phone_charging: 'Phone charging',
  first_aid: 'First aid kit',
  toilet: 'Toilet',
  shower: 'Shower',
  drying_room: 'Drying room',
  battery_swap: 'Battery swap',
  rain_gear: 'Spare helmet and raincoat',
  books: 'Books and papers',
  wifi: 'Wi-Fi',
  ebike_parking: 'E-bike parking',
};

export function amenityLabel(amenity: Amenity): string {
  return (getLocale() === 'en-US' ? EN_US : ZH_CN)[amenity] ?? amenity;
}

/** Checkbox/Select options in the contract's order. */
export function amenityOptions(): Array<{ value: Amenity; label: string }> {
  return AMENITIES.map((value) => ({ value, label: amenityLabel(value) }));
}
