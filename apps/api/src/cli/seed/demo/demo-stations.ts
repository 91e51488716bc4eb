import { Amenity, OpeningHours, StationHotline, StationStatus } from '@yizhan/contracts';

/** A demo station; its id derives from `key`, its region from `regionCode`. */
export interface StationSeed {
  key: string;
  regionCode: string;
  name: string;
  brand: string;
  address: string;
  lat: number;
  lng: number;
  status: StationStatus;
  amenities: Amenity[];
  openingHours: OpeningHours;
  phone: string | null;
  managerName: string | null;
  services: string[];
  hotlines: StationHotline[];
  description: string | null;
}

const LIUYANG_BRAND = '奔跑者红色驿站';
const HANYANG_BRAND = '阳小驿';

function hours(
  days: number[],
  open: string,
  close: string,
  extra: OpeningHours['weekly'] = [],
): OpeningHours {
  return { weekly: [...days.map((day) => ({ day, open, close })), ...extra], exceptions: [] };
}
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const WEEKDAYS = [1, 2, 3, 4, 5];
/** `open` equal to `close` means around the clock. */
const ALWAYS_OPEN = hours(EVERY_DAY, '00:00', '00:00');

/**
 * What every Liuyang station has (长沙市两新工委's standard kit): tables and chairs,
 * microwave, water dispenser, heating and cooling, first-aid kit, phone charging, books.
 */
const LIUYANG_STANDARD: Amenity[] = [
  'seating',
  'water',
  'microwave',
  'air_conditioning',
  'heating',
  'first_aid',
  'phone_charging',
  'books',
];
/** Hanyang's stations: microwave, fridge, AC and charging against 吃饭难、如厕难. */
const HANYANG_STANDARD: Amenity[] = [
  'seating',
  'water',
  'microwave',
  'fridge',
  'air_conditioning',
  'phone_charging',
];

const LIUYANG_SERVICES = ['积分兑换', '需求问卷', '心理疏导', '法律服务', '健康义诊'];

/** Public service numbers, the same everywhere in China (no area code needed). */
const EMERGENCY_HOTLINES: StationHotline[] = [
  { name: '报警', phone: '110' },
  { name: '火警', phone: '119' },
  { name: '急救', phone: '120' },
];
const CITIZEN_HOTLINE: StationHotline = { name: '政务服务便民热线', phone: '12345' };
const WORKERS_RIGHTS_HOTLINE: StationHotline = { name: '职工维权服务热线', phone: '12351' };

/** Liuyang's stations post the emergency numbers and the two a worker needs most. */
export const LIUYANG_HOTLINES: StationHotline[] = [
  ...EMERGENCY_HOTLINES,
  CITIZEN_HOTLINE,
  WORKERS_RIGHTS_HOTLINE,
];

/**
 * Every 阳小驿 has seven numbers on its wall (长江日报). These are the real public lines: the
 * emergency numbers, the citizen hotline, the trade union's, social security's and legal aid's.
 */
export const HANYANG_HOTLINES: StationHotline[] = [
  ...EMERGENCY_HOTLINES,
  CITIZEN_HOTLINE,
  WORKERS_RIGHTS_HOTLINE,
  { name: '人社服务热线', phone: '12333' },
  { name: '法律服务热线', phone: '12348' },
];

/** The needs the wall names in plain words ("子女就近就便入学服务" …), served at the station. */
const HANYANG_SERVICE_DESKS = [
  '子女就近就便入学服务',
  '租房住房信息、政策服务',
  '就业创业与技能培训咨询',
  '社保医保办理咨询',
  '劳动权益保障与法律援助',
  '城管与市容问题反映',
  '心理健康疏导',
];
const HANYANG_SERVICES = [
  '报事积分（治理合伙人）',
  '积分兑换',
  '爱心午餐',
  ...HANYANG_SERVICE_DESKS,
];

export const DEMO_STATIONS: StationSeed[] = [
  // 浏阳市 "奔跑者" red stations around the old town (centre ≈ 28.1636 N, 113.6430 E).
  {
    key: 'liuyang/caichang-square',
    regionCode: '430181001003',
    name: '才常广场商圈“奔跑者”红色驿站',
    brand: LIUYANG_BRAND,
    address: '浏阳市淮川街道才常广场商圈党群服务中心',
    lat: 28.15917,
    lng: 113.63852,
    status: 'open',
    amenities: [...LIUYANG_STANDARD, 'toilet', 'ebike_parking'],
    openingHours: hours(EVERY_DAY, '08:00', '22:00'),
    phone: '0731-83611001',
    managerName: '鲁礼华',
    services: [...LIUYANG_SERVICES, '电动车临时停靠点'],
    hotlines: LIUYANG_HOTLINES,
    description:
      '约400平方米的才常广场商圈党群服务中心开辟专门区域，配置座椅、茶几、微波炉等设施，离餐饮门店几步路。',
  },
  {
    key: 'liuyang/chaoyang-community',
    regionCode: '430181001001',
    name: '淮川街道朝阳社区“奔跑者”红色驿站',
    brand: LIUYANG_BRAND,
    address: '浏阳市淮川街道朝阳社区党群服务中心',
    lat: 28.16652,
    lng: 113.64718,
    status: 'open',
    amenities: [...LIUYANG_STANDARD, 'battery_swap', 'rain_gear', 'toilet'],
    // Serves the late-night food street: open until 02:00.
    openingHours: hours(EVERY_DAY, '10:00', '02:00'),
    phone: '0731-83611002',
    managerName: '刘敏',
    services: [...LIUYANG_SERVICES, '电瓶租赁换电柜', '备用头盔、雨衣、手电筒'],
    hotlines: LIUYANG_HOTLINES,
    description: '驿站外设有电瓶租赁换电柜，备有头盔、雨衣、手电筒等应急物品。',
  },
  {
    key: 'liuyang/beizheng-community',
    regionCode: '430181001002',
    name: '淮川街道北正社区“奔跑者”红色驿站',
    brand: LIUYANG_BRAND,
    address: '浏阳市淮川街道北正社区邻里之家',
    lat: 28.16938,
    lng: 113.6391,
    status: 'open',
    amenities: [...LIUYANG_STANDARD, 'fridge'],
    openingHours: hours(EVERY_DAY, '08:00', '22:00'),
    phone: '0731-83611003',
    managerName: '周丽',
    services: [...LIUYANG_SERVICES, '爱心冰箱（夏季冷饮、西瓜）'],
    hotlines: LIUYANG_HOTLINES,
    description: '夏季开设爱心冰箱，免费提供冷饮、西瓜。',
  },
  {
    key: 'liuyang/gongjiaqiao-community',
    regionCode: '430181002001',
    name: '集里街道龚家桥社区“奔跑者”红色驿站',
    brand: LIUYANG_BRAND,
    address: '浏阳市集里街道龚家桥社区党群服务中心',
    lat: 28.17506,
    lng: 113.65873,
    status: 'open',
    amenities: [...LIUYANG_STANDARD, 'toilet', 'wifi'],
    openingHours: hours(WEEKDAYS, '08:00', '21:00', [
      { day: 6, open: '09:00', close: '18:00' },
      { day: 7, open: '09:00', close: '18:00' },
    ]),
    phone: '0731-83611004',
    managerName: '黄晓燕',
    services: [...LIUYANG_SERVICES, '儿童托育', '"580夏令营课堂"（暑期）'],
    hotlines: LIUYANG_HOTLINES,
    description: '暑期开设"580夏令营课堂"，为户外劳动者的孩子免费开设素质教育课程。',
  },
  {
    key: 'liuyang/shenxianao-community',
    regionCode: '430181002002',
    name: '集里街道神仙坳社区“奔跑者”红色驿站',
    brand: LIUYANG_BRAND,
    address: '浏阳市集里街道神仙坳社区党群服务站',
    lat: 28.18211,
    lng: 113.66642,
    status: 'temporarily_closed',
    amenities: [...LIUYANG_STANDARD],
    openingHours: hours(EVERY_DAY, '08:00', '20:00'),
    phone: '0731-83611005',
    managerName: '罗建军',
    services: [...LIUYANG_SERVICES],
    hotlines: LIUYANG_HOTLINES,
    description: '场地改造中，暂停开放。',
  },
  {
    key: 'liuyang/guankou-chamber-building',
    regionCode: '430181003001',
    name: '关口街道商会大厦“奔跑者”红色驿站',
    brand: LIUYANG_BRAND,
    address: '浏阳市关口街道商会大厦一楼',
    lat: 28.15214,
    lng: 113.62938,
    status: 'open',
    amenities: [...LIUYANG_STANDARD, 'toilet', 'wifi'],
    openingHours: {
      ...hours(WEEKDAYS, '08:30', '21:00', [{ day: 6, open: '09:00', close: '17:00' }]),
      exceptions: [{ date: '2026-10-01', closed: true, note: '国庆节闭站' }],
    },
    phone: '0731-83611006',
    managerName: '谭志刚',
    services: [...LIUYANG_SERVICES, '"阳光宝贝"暑假托管', '"微公益计划"补助申请'],
    hotlines: LIUYANG_HOTLINES,
    description: '楼宇驿站，常为长途货车司机等新就业群体对接帮扶。',
  },
  {
    key: 'liuyang/hehua-community',
    regionCode: '430181004001',
    name: '荷花街道荷花社区“奔跑者”红色驿站',
    brand: LIUYANG_BRAND,
    address: '浏阳市荷花街道荷花社区党群服务中心',
    lat: 28.14632,
    lng: 113.65719,
    status: 'open',
    amenities: [...LIUYANG_STANDARD, 'ebike_parking'],
    openingHours: hours(EVERY_DAY, '07:30', '21:30'),
    phone: '0731-83611007',
    managerName: '汤芳',
    services: [...LIUYANG_SERVICES],
    hotlines: LIUYANG_HOTLINES,
    description: null,
  },
  {
    key: 'liuyang/fengguang-bridge',
    regionCode: '430181001001',
    name: '浏阳河风光带“奔跑者”红色驿站',
    brand: LIUYANG_BRAND,
    address: '浏阳市淮川街道浏阳河中路风光桥旁',
    lat: 28.16081,
    lng: 113.65124,
    status: 'open',
    amenities: ['seating', 'water', 'phone_charging', 'first_aid', 'toilet', 'air_conditioning'],
    openingHours: ALWAYS_OPEN,
    phone: '0731-83611008',
    managerName: '李卫东',
    services: ['24小时歇脚', '报事积分'],
    hotlines: LIUYANG_HOTLINES,
    description: '24小时开放，夜间送餐途中可随时歇脚。',
  },

  // 汉阳区 阳小驿 ("5分钟到达"); 王家湾 ≈ 30.556 N, 114.206 E.
  {
    key: 'hanyang/fangcao-community',
    regionCode: '420105001001',
    name: '龙阳街道芳草社区“阳小驿”',
    brand: HANYANG_BRAND,
    address: '武汉市汉阳区龙阳街道芳草社区党群服务中心',
    lat: 30.55268,
    lng: 114.21534,
    status: 'open',
    amenities: [...HANYANG_STANDARD, 'toilet', 'books'],
    openingHours: hours(EVERY_DAY, '08:00', '22:00'),
    phone: '027-84711001',
    managerName: '肖万利',
    services: [...HANYANG_SERVICES, '"龙行骑士"志愿服务队', '"金牌骑士"评选'],
    hotlines: HANYANG_HOTLINES,
    description: '联合党支部所在驿站，"龙行骑士志愿队"一年报事百余件。',
  },
  {
    key: 'hanyang/wangjiawan-21st-century-plaza',
    regionCode: '420105001002',
    name: '王家湾21世纪购物中心广场“阳小驿”',
    brand: HANYANG_BRAND,
    address: '武汉市汉阳区龙阳大道王家湾21世纪购物中心广场',
    lat: 30.55612,
    lng: 114.20598,
    status: 'open',
    amenities: [...HANYANG_STANDARD, 'wifi'],
    openingHours: hours(EVERY_DAY, '09:00', '22:00'),
    phone: '027-84711002',
    managerName: '郑良琴',
    services: [...HANYANG_SERVICES, '商圈爱心商家八折'],
    hotlines: HANYANG_HOTLINES,
    description: '冯家畈社区牵头的商圈党建联盟驿站，外卖员凭积分在合作商家兑换物资。',
  },
  {
    key: 'hanyang/jiangang-fudi-haishanghai',
    regionCode: '420105002001',
    name: '洲头街道建港社区复地海上海小区“阳小驿”',
    brand: HANYANG_BRAND,
    address: '武汉市汉阳区洲头街道建港社区复地海上海小区',
    lat: 30.54356,
    lng: 114.24871,
    status: 'open',
    amenities: [...HANYANG_STANDARD, 'shower', 'drying_room', 'toilet'],
    openingHours: hours(EVERY_DAY, '07:00', '22:00'),
    phone: '027-84711003',
    managerName: '陈淼',
    services: [...HANYANG_SERVICES, '82项民生事项（51项驿站办结）', '路长接单'],
    hotlines: HANYANG_HOTLINES,
    description: '水电条件充足，配有洗澡间、烘干间，衣服汗透或淋湿可及时更换。',
  },
  {
    key: 'hanyang/wulidun-community',
    regionCode: '420105002002',
    name: '洲头街道五里墩社区“阳小驿”',
    brand: HANYANG_BRAND,
    address: '武汉市汉阳区洲头街道五里墩社区党群服务站',
    lat: 30.54702,
    lng: 114.24032,
    status: 'open',
    amenities: [...HANYANG_STANDARD],
    openingHours: hours(EVERY_DAY, '08:00', '20:00'),
    phone: '027-84711004',
    managerName: '王慧',
    services: [...HANYANG_SERVICES],
    hotlines: HANYANG_HOTLINES,
    description: null,
  },
  {
    key: 'hanyang/zhongjiacun',
    regionCode: '420105003002',
    name: '建桥街道钟家村“阳小驿”',
    brand: HANYANG_BRAND,
    address: '武汉市汉阳区建桥街道钟家村社区',
    lat: 30.54921,
    lng: 114.26318,
    status: 'open',
    amenities: [...HANYANG_STANDARD, 'toilet', 'first_aid'],
    openingHours: ALWAYS_OPEN,
    phone: '027-84711005',
    managerName: '胡建华',
    services: [...HANYANG_SERVICES],
    hotlines: HANYANG_HOTLINES,
    description: '24小时开放。',
  },
  {
    key: 'hanyang/jianqiao-community',
    regionCode: '420105003001',
    name: '建桥街道建桥社区“阳小驿”',
    brand: HANYANG_BRAND,
    address: '武汉市汉阳区建桥街道建桥社区党群服务中心',
    lat: 30.55734,
    lng: 114.25486,
    status: 'open',
    amenities: [...HANYANG_STANDARD, 'heating'],
    openingHours: hours(WEEKDAYS, '08:30', '20:30', [
      { day: 6, open: '10:00', close: '18:00' },
      { day: 7, open: '10:00', close: '18:00' },
    ]),
    phone: '027-84711006',
    managerName: '徐静',
    services: [...HANYANG_SERVICES],
    hotlines: HANYANG_HOTLINES,
    description: null,
  },
  {
    key: 'hanyang/sixin-community',
    regionCode: '420105004001',
    name: '四新街道四新社区“阳小驿”',
    brand: HANYANG_BRAND,
    address: '武汉市汉阳区四新街道四新社区',
    lat: 30.52478,
    lng: 114.22763,
    status: 'open',
    amenities: [...HANYANG_STANDARD, 'ebike_parking', 'battery_swap'],
    openingHours: hours(EVERY_DAY, '08:00', '22:00'),
    phone: '027-84711007',
    managerName: '程伟',
    services: [...HANYANG_SERVICES],
    hotlines: HANYANG_HOTLINES,
    description: null,
  },
  {
    key: 'hanyang/longyang-evening',
    regionCode: '420105001002',
    name: '龙阳大道夜间“阳小驿”',
    brand: HANYANG_BRAND,
    address: '武汉市汉阳区龙阳大道与芳草路交会处',
    lat: 30.55055,
    lng: 114.21102,
    status: 'open',
    amenities: ['seating', 'water', 'phone_charging', 'microwave'],
    // An evening station: 18:00 until 06:00, weekends too.
    openingHours: hours(EVERY_DAY, '18:00', '06:00'),
    phone: '027-84711008',
    managerName: '宋涛',
    services: ['夜间歇脚', '报事积分（治理合伙人）'],
    hotlines: HANYANG_HOTLINES,
    description: '夜间驿站，服务夜宵时段的外卖骑手。',
  },
];
