/** A demo partner merchant; its id derives from `key`. Coordinates are GCJ-02. */
export interface MerchantSeed {
  key: string;
  regionCode: string;
  name: string;
  address: string;
  lat: number;
  lng: number;
  phone: string;
}

/**
 * Partner merchants near the demo stations. The reports mention "爱心商家" that give riders a
 * 20 % discount (王家湾) and shops renting batteries (浏阳); names and numbers are invented.
 */
export const DEMO_MERCHANTS: MerchantSeed[] = [
  {
    key: 'liuyang/caichang-steamed-dishes',
    regionCode: '430181001003',
    name: '才常广场浏阳蒸菜馆',
    address: '浏阳市淮川街道才常广场商圈沿街12号',
    lat: 28.15951,
    lng: 113.63901,
    phone: '0731-83612345',
  },
  {
    key: 'liuyang/chaoyang-battery-rental',
    regionCode: '430181001001',
    name: '朝阳电瓶租赁便民点',
    address: '浏阳市淮川街道朝阳社区党群服务中心旁',
    lat: 28.16688,
    lng: 113.64312,
    phone: '0731-83612346',
  },
  {
    key: 'hanyang/wangjiawan-caring-canteen',
    regionCode: '420105001002',
    name: '王家湾爱心快餐（骑手八折）',
    address: '武汉市汉阳区龙阳大道王家湾21世纪购物中心B1层',
    lat: 30.55634,
    lng: 114.20571,
    phone: '027-84712345',
  },
  {
    key: 'hanyang/jiangang-convenience',
    regionCode: '420105002001',
    name: '建港社区便民超市',
    address: '武汉市汉阳区洲头街道建港社区复地海上海小区门口',
    lat: 30.5437,
    lng: 114.2541,
    phone: '027-84712346',
  },
];
