import type { Amenity, ErrorCode, StationStatus } from '@yizhan/contracts';
import type { ClientErrorCode } from '../services/api-error';

/** Every code an ApiError can carry: the contract's codes plus the client's own. */
export type TranslatedErrorCode = ErrorCode | ClientErrorCode;

/**
 * zh-CN is the source of truth: every key exists here, and the `Record<…>` types make the
 * compiler refuse a contract ErrorCode, Amenity or StationStatus without a label.
 */
export const zhCN = {
  text: {
    'app.name': '驿站',
    'tab.stations': '驿站',
    'tab.scan': '扫码',
    'tab.report': '报事',
    'tab.points': '积分',
    'tab.me': '我的',

    'common.retry': '重试',
    'common.loading': '加载中…',
    'common.loadingMore': '正在加载更多…',
    'common.noMore': '没有更多了',
    'common.separator': ' · ',

    'stations.title': '附近驿站',
    'stations.titleByName': '全部驿站',
    'stations.filter.openNow': '营业中',
    'stations.filter.batterySwap': '换电柜',
    'stations.locating': '正在获取你的位置…',
    'stations.locationFallback': '未能获取你的位置，已按名称排列驿站。',
    'stations.locationRetry': '重新定位',
    'stations.empty.title': '附近暂无驿站',
    'stations.empty.hint': '换个地方再试试，或者关闭上方的筛选条件。',
    'stations.empty.hintByName': '暂时没有可显示的驿站，请稍后再来看看。',
    'stations.error.title': '驿站加载失败',
    'stations.moreAmenities': '+{n}',

    'station.badge.openNow': '营业中',
    'station.badge.resting': '已休息',
    'station.badge.paused': '暂停开放',

    'format.meters': '{n} 米',
    'format.kilometers': '{n} 公里',
    'format.rideMinutes': '骑行约 {n} 分钟',
    'format.rideUnderOneMinute': '骑行 1 分钟内',
    'format.timeRange': '{open}–{close}',
    'format.intervalsJoin': '、',

    'detail.title': '驿站详情',
    'detail.address': '地址',
    'detail.distance': '距离',
    'detail.today': '今日',
    'detail.todayClosed': '今日休息',
    'detail.closedDay': '休息',
    'detail.openingHours': '开放时间',
    'detail.amenities': '设施',
    'detail.services': '服务',
    'detail.hotlines': '服务热线',
    'detail.description': '简介',
    'detail.manager': '站长',
    'detail.call': '拨打电话',
    'detail.navigate': '导航',
    'detail.notFound.title': '驿站不存在',
    'detail.notFound.hint': '这个驿站可能已被撤销或暂时不对外显示。',
    'detail.error.title': '驿站信息加载失败',
    'detail.actionFailed': '操作未完成，请稍后再试',

    'soon.title': '即将开放',
    'soon.scan': '扫码签到即将开放：到驿站扫一扫站点二维码，就能记录到访并获得积分。',
    'soon.report': '随手报事即将开放：发现道路破损、设施损坏等隐患，拍照上报给社区处理。',
    'soon.points': '积分商城即将开放：报事、签到、志愿服务获得的积分可在合作商家兑换。',
    'soon.me': '个人中心即将开放：登录后可查看我的报事、兑换记录和个人资料。',
  },

  errors: {
    VALIDATION_FAILED: '提交的内容有误，请检查后再试',
    UNAUTHENTICATED: '登录已失效，请重新登录',
    FORBIDDEN: '你没有权限进行此操作',
    NOT_FOUND: '内容不存在或已被删除',
    PAYLOAD_TOO_LARGE: '文件太大，请换一张小一点的',
    UNSUPPORTED_MEDIA_TYPE: '不支持的文件格式，请上传 JPG、PNG 或 WebP 图片',
    RATE_LIMITED: '操作太频繁，请稍后再试',
    CONSENT_REQUIRED: '需要你先同意相关授权才能继续',
    CHECKIN_CODE_INVALID: '二维码无效或已过期，请扫描驿站现场的二维码',
    CHECKIN_TOO_FAR: '你离驿站太远了，请到驿站附近再签到',
    CHECKIN_COOLDOWN: '你刚在这个驿站签到过，请稍后再来',
    REPORT_BAD_TRANSITION: '该事件当前状态不允许此操作',
    POINTS_INSUFFICIENT: '积分不足',
    OUT_OF_STOCK: '已兑完，下次早点来',
    REDEMPTION_LIMIT_REACHED: '已达到兑换次数上限',
    REWARD_UNAVAILABLE: '该奖品当前不可兑换',
    REDEMPTION_ALREADY_FULFILLED: '该兑换码已核销',
    IDEMPOTENCY_KEY_REUSED: '请求重复，请刷新后再试',
    USERNAME_TAKEN: '该用户名已被使用',
    CONFLICT: '操作冲突，请刷新后再试',
    SERVICE_UNAVAILABLE: '服务暂时不可用，请稍后再试',
    INTERNAL_ERROR: '服务出了点问题，请稍后再试',
    NETWORK_ERROR: '网络不给力，请检查网络后重试',
    UNKNOWN_ERROR: '出了点问题，请稍后再试',
  } satisfies Record<TranslatedErrorCode, string>,

  amenities: {
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
  } satisfies Record<Amenity, string>,

  stationStatus: {
    open: '正常开放',
    temporarily_closed: '暂停开放',
    closed: '已停用',
  } satisfies Record<StationStatus, string>,

  /** ISO weekdays, index 0 = Monday. */
  weekdays: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
};

export type Messages = typeof zhCN;
export type TextKey = keyof Messages['text'];
