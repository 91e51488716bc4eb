import { CategoryIcon } from '@yizhan/contracts';

/** A department of a demo district, keyed by `dept` (the key categories name). */
export interface DepartmentSeed {
  regionCode: string;
  key: string;
  name: string;
  phone: string | null;
}

/** A report category of a demo district (district-wide: its streets inherit it). */
export interface CategorySeed {
  regionCode: string;
  code: string;
  name: string;
  icon: CategoryIcon;
  slaHours: number;
  departmentKey: string | null;
  sortOrder: number;
}

type DepartmentKey = 'city' | 'roads' | 'fire' | 'traffic' | 'police' | 'civil';

const departments = (regionCode: string, names: Record<DepartmentKey, string>): DepartmentSeed[] =>
  (Object.entries(names) as Array<[DepartmentKey, string]>).map(([key, name]) => ({
    regionCode,
    key,
    name,
    phone: null,
  }));

/**
 * What workers report in the two programmes (see shared/context): broken roads and tilted
 * guardrails, fire hazards in stairwells, lost items, elderly people living alone. Fire is due
 * in hours, a pothole in days.
 */
const categories = (regionCode: string): CategorySeed[] => [
  {
    regionCode,
    code: 'road_damage',
    name: '道路破损',
    icon: 'road',
    slaHours: 72,
    departmentKey: 'roads',
    sortOrder: 10,
  },
  {
    regionCode,
    code: 'facility_damage',
    name: '护栏/设施损坏',
    icon: 'guardrail',
    slaHours: 48,
    departmentKey: 'city',
    sortOrder: 20,
  },
  {
    regionCode,
    code: 'fire_hazard',
    name: '消防隐患',
    icon: 'fire',
    slaHours: 4,
    departmentKey: 'fire',
    sortOrder: 30,
  },
  {
    regionCode,
    code: 'sanitation',
    name: '环境卫生',
    icon: 'sanitation',
    slaHours: 24,
    departmentKey: 'city',
    sortOrder: 40,
  },
  {
    regionCode,
    code: 'traffic_safety',
    name: '交通安全',
    icon: 'traffic',
    slaHours: 12,
    departmentKey: 'traffic',
    sortOrder: 50,
  },
  {
    regionCode,
    code: 'lost_found',
    name: '失物招领',
    icon: 'lost_found',
    slaHours: 24,
    departmentKey: 'police',
    sortOrder: 60,
  },
  {
    regionCode,
    code: 'elderly_care',
    name: '空巢老人关爱',
    icon: 'elderly',
    slaHours: 24,
    departmentKey: 'civil',
    sortOrder: 70,
  },
  {
    regionCode,
    code: 'other',
    name: '其他',
    icon: 'other',
    slaHours: 72,
    departmentKey: null,
    sortOrder: 90,
  },
];

export const DEMO_DEPARTMENTS: DepartmentSeed[] = [
  ...departments('430181', {
    city: '浏阳市城市管理和综合执法局',
    roads: '浏阳市住房和城乡建设局',
    fire: '浏阳市消防救援大队',
    traffic: '浏阳市公安局交通警察大队',
    police: '浏阳市公安局',
    civil: '浏阳市民政局',
  }),
  ...departments('420105', {
    city: '汉阳区城市管理执法局',
    roads: '汉阳区住房和城市更新局',
    fire: '汉阳区消防救援大队',
    traffic: '武汉市公安局汉阳区分局交通大队',
    police: '武汉市公安局汉阳区分局',
    civil: '汉阳区民政局',
  }),
];

export const DEMO_CATEGORIES: CategorySeed[] = [...categories('430181'), ...categories('420105')];
