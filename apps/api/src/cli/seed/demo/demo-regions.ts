import { RegionLevel } from '@yizhan/contracts';

/** A region of the demo tree; ids derive from `code`. */
export interface RegionSeed {
  code: string;
  name: string;
  level: RegionLevel;
  children?: RegionSeed[];
}

/**
 * The two demo districts. City and district codes are GB/T 2260; streets and communities use
 * the statistical-division style (district code + 3 digits, + 3 more) as local codes.
 */
export const DEMO_REGIONS: RegionSeed[] = [
  {
    code: '430100',
    name: '长沙市',
    level: 'city',
    children: [
      {
        code: '430181',
        name: '浏阳市',
        level: 'district',
        children: [
          {
            code: '430181001',
            name: '淮川街道',
            level: 'street',
            children: [
              { code: '430181001001', name: '朝阳社区', level: 'community' },
              { code: '430181001002', name: '北正社区', level: 'community' },
              { code: '430181001003', name: '才常社区', level: 'community' },
            ],
          },
          {
            code: '430181002',
            name: '集里街道',
            level: 'street',
            children: [
              { code: '430181002001', name: '龚家桥社区', level: 'community' },
              { code: '430181002002', name: '神仙坳社区', level: 'community' },
            ],
          },
          {
            code: '430181003',
            name: '关口街道',
            level: 'street',
            children: [{ code: '430181003001', name: '关口社区', level: 'community' }],
          },
          {
            code: '430181004',
            name: '荷花街道',
            level: 'street',
            children: [{ code: '430181004001', name: '荷花社区', level: 'community' }],
          },
        ],
      },
    ],
  },
  {
    code: '420100',
    name: '武汉市',
    level: 'city',
    children: [
      {
        code: '420105',
        name: '汉阳区',
        level: 'district',
        children: [
          {
            code: '420105001',
            name: '龙阳街道',
            level: 'street',
            children: [
              { code: '420105001001', name: '芳草社区', level: 'community' },
              { code: '420105001002', name: '冯家畈社区', level: 'community' },
            ],
          },
          {
            code: '420105002',
            name: '洲头街道',
            level: 'street',
            children: [
              { code: '420105002001', name: '建港社区', level: 'community' },
              { code: '420105002002', name: '五里墩社区', level: 'community' },
            ],
          },
          {
            code: '420105003',
            name: '建桥街道',
            level: 'street',
            children: [
              { code: '420105003001', name: '建桥社区', level: 'community' },
              { code: '420105003002', name: '钟家村社区', level: 'community' },
            ],
          },
          {
            code: '420105004',
            name: '四新街道',
            level: 'street',
            children: [{ code: '420105004001', name: '四新社区', level: 'community' }],
          },
        ],
      },
    ],
  },
];
