import type {
  Amenity,
  ConsentKind,
  ErrorCode,
  Occupation,
  Role,
  StationStatus,
} from '@yizhan/contracts';
import type { ClientErrorCode } from '../services/api-error';

/** Every code an ApiError can carry: the contract's codes plus the client's own. */
export type TranslatedErrorCode = ErrorCode | ClientErrorCode;

/** Actions whose own wording of an error is clearer than the generic one. */
export type ErrorContext = 'wechatLogin' | 'smsSend' | 'smsLogin' | 'passwordLogin' | 'profile';
export type ContextualErrorKey = `${ErrorContext}.${TranslatedErrorCode}`;

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
    'common.cancel': '取消',
    'common.unset': '未填写',

    'stations.title': '附近驿站',
    'stations.titleByName': '全部驿站',
    'stations.filter.openNow': '营业中',
    'stations.filter.batterySwap': '换电柜',
    'stations.locating': '正在获取你的位置…',
    'stations.locationFallback': '未能获取你的位置，已按名称排列驿站。',
    'stations.locationRetry': '重新定位',
    'stations.locationRefused': '你未授权使用位置信息，已按名称排列驿站。',
    'stations.locationGrant': '授权位置',
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

    'login.title': '登录',
    'login.subtitle': '登录后可以签到、报事、攒积分',
    'login.submit': '登录',
    'login.success': '登录成功',
    'login.wechat.button': '微信一键登录',
    'login.wechat.hint': '使用微信身份登录，我们只用它识别你的账号，不获取你的微信昵称和头像。',
    'login.wechat.failed': '未能获取微信登录凭证，请稍后再试',
    'login.sms.phoneLabel': '手机号',
    'login.sms.phonePlaceholder': '请输入手机号',
    'login.sms.codeLabel': '验证码',
    'login.sms.codePlaceholder': '请输入6位验证码',
    'login.sms.send': '获取验证码',
    'login.sms.resend': '重新获取',
    'login.sms.resendIn': '{n} 秒后重新获取',
    'login.sms.sent': '验证码已发送',
    'login.sms.phoneInvalid': '请输入正确的 11 位手机号',
    'login.sms.codeInvalid': '请输入短信中的 6 位数字验证码',
    'login.staff.entry': '工作人员登录',
    'login.staff.title': '工作人员登录',
    'login.staff.hint': '站长、路长、商户店员和管理员请使用分配的账号登录。',
    'login.staff.usernameLabel': '用户名',
    'login.staff.usernamePlaceholder': '请输入用户名',
    'login.staff.passwordLabel': '密码',
    'login.staff.passwordPlaceholder': '请输入密码',
    'login.staff.usernameRequired': '请输入用户名',
    'login.staff.usernameTooLong': '用户名不能超过 64 个字符',
    'login.staff.passwordRequired': '请输入密码',
    'login.staff.passwordTooLong': '密码不能超过 128 个字符',
    'login.staff.backToWechat': '返回微信登录',
    'login.staff.backToSms': '返回手机号登录',

    'me.signedOut.title': '登录驿站',
    'me.signedOut.description': '登录后可以管理你的个人资料和隐私授权。',
    'me.signedOut.login': '登录',
    'me.error.title': '个人信息加载失败',
    'me.nicknameUnset': '未设置昵称',
    'me.occupation': '职业',
    'me.platform': '平台',
    'me.phone': '手机号',
    'me.username': '用户名',
    'me.roles': '身份',
    'me.edit': '编辑资料',
    'me.privacy.title': '隐私授权',
    'me.privacy.version': '隐私说明版本 {version}',
    'me.privacy.granted': '已同意',
    'me.privacy.withdrawn': '已撤回授权',
    'me.data.title': '我的数据',
    'me.export': '导出我的数据',
    'me.export.description': '以 JSON 文件导出我们保存的你的全部数据',
    'me.export.downloaded': '已开始下载',
    'me.export.copiedTitle': '已复制到剪贴板',
    'me.export.copiedContent':
      '你的数据（JSON 格式，约 {size} KB）已复制，可以粘贴到聊天或备忘录中保存。',
    'me.logout': '退出登录',
    'me.logout.done': '已退出登录',
    'me.delete': '注销账号',
    'me.delete.title': '注销账号',
    'me.delete.content':
      '注销后将永久删除你的个人资料（昵称、职业、平台、手机号）、微信或账号绑定、隐私授权和登录记录，并退出登录。\n你的积分流水会匿名保留，仅用于积分账目核对，不再与你关联。此操作无法撤销。',
    'me.delete.confirm': '确认注销',
    'me.delete.done': '账号已注销',

    'profile.title': '编辑资料',
    'profile.nickname': '昵称',
    'profile.nicknamePlaceholder': '请输入昵称（最多 32 个字）',
    'profile.occupation': '职业',
    'profile.platform': '平台',
    'profile.platformPlaceholder': '如 美团、饿了么、顺丰',
    'profile.save': '保存',
    'profile.saved': '已保存',
    'profile.nicknameInvalid': '昵称需为 1–32 个字，且不能包含 < > 等特殊字符',
    'profile.platformInvalid': '平台名称最多 32 个字，且不能包含 < > 等特殊字符',

    'consent.location.title': '位置信息授权',
    'consent.location.intro': '驿站需要使用你的位置信息，用于：',
    'consent.location.nearest': '查找离你最近的驿站，并按距离排序；',
    'consent.location.records':
      '扫码签到和随手报事时记录你当时的位置：签到需核实你在驿站附近，报事需标明事发地点，这些记录会保存位置。',
    'consent.location.scope':
      '我们只在你使用这些功能时获取位置，不在后台持续定位；查找附近驿站时，位置只用于这一次查询，不会被保存。',
    'consent.location.fallback':
      '拒绝后仍可按名称浏览全部驿站。你可以随时在「我的 › 隐私授权」中更改。',
    'consent.agree': '同意',
    'consent.refuse': '拒绝',
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
    REDEMPTION_EXPIRED: '该兑换码已过期，积分已退回',
    REDEMPTION_CANCELLED: '该兑换已取消，积分已退回',
    IDEMPOTENCY_KEY_REUSED: '请求重复，请刷新后再试',
    USERNAME_TAKEN: '该用户名已被使用',
    CONFLICT: '操作冲突，请刷新后再试',
    SERVICE_UNAVAILABLE: '服务暂时不可用，请稍后再试',
    INTERNAL_ERROR: '服务出了点问题，请稍后再试',
    NETWORK_ERROR: '网络不给力，请检查网络后重试',
    UNKNOWN_ERROR: '出了点问题，请稍后再试',
  } satisfies Record<TranslatedErrorCode, string>,

  /** Where the action makes the cause certain, a sharper sentence than the generic one. */
  errorsIn: {
    'wechatLogin.UNAUTHENTICATED': '微信登录失败，请重新尝试',
    'wechatLogin.SERVICE_UNAVAILABLE': '微信服务暂时不可用，请稍后再试',
    'smsSend.VALIDATION_FAILED': '手机号格式不正确，请检查后再试',
    'smsSend.RATE_LIMITED': '获取验证码太频繁，请稍后再试',
    'smsLogin.VALIDATION_FAILED': '手机号或验证码格式不正确',
    'smsLogin.UNAUTHENTICATED': '验证码错误或已过期，请重新获取',
    'smsLogin.RATE_LIMITED': '尝试次数太多，请稍后再试',
    'passwordLogin.VALIDATION_FAILED': '请检查用户名和密码',
    'passwordLogin.UNAUTHENTICATED': '用户名或密码错误',
    'passwordLogin.RATE_LIMITED': '登录失败次数过多，账号已暂时锁定，请稍后再试',
    'profile.VALIDATION_FAILED': '资料填写有误，请检查后再试',
  } satisfies Partial<Record<ContextualErrorKey, string>>,

  occupations: {
    delivery: '外卖骑手',
    courier: '快递员',
    sanitation: '环卫工人',
    'ride-hailing': '网约车司机',
    truck: '货车司机',
    other: '其他',
  } satisfies Record<Occupation, string>,

  roles: {
    worker: '户外劳动者',
    station_manager: '站长',
    handler: '路长',
    merchant_staff: '商户店员',
    district_admin: '区级管理员',
  } satisfies Record<Role, string>,

  consentKinds: {
    location: '位置信息',
    photos: '照片',
  } satisfies Record<ConsentKind, string>,

  consentPurposes: {
    location: '查找附近驿站；签到和报事时记录当时的位置',
    photos: '报事时上传现场照片；照片去除拍摄位置等信息后保存',
  } satisfies Record<ConsentKind, string>,

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
