import { defineMessages } from '../../i18n/messages';

export const t = defineMessages({
  'zh-CN': {
    title: '操作日志',
    intro:
      '辖区内工作人员和商户的每一次操作：谁、在何时、对什么做了什么，以及变更前后的内容。日志只能追加，不能修改或删除。',
    empty: '没有操作记录',
    emptyFiltered: '没有符合条件的操作记录',
    'filter.action': '操作',
    'filter.allActions': '全部操作',
    'filter.actor': '操作人',
    'filter.allActors': '全部人员',
    'filter.targetType': '对象类型',
    'filter.allTargets': '全部类型',
    'filter.targetId': '对象 ID',
    'filter.targetIdInvalid': '对象 ID 格式不正确',
    'column.time': '时间',
    'column.action': '操作',
    'column.actor': '操作人',
    'column.target': '操作对象',
    'column.region': '区域',
    'column.ip': 'IP 地址',
    'actor.system': '系统',
    'actor.account': '账号 {id}',
    'actor.filterHint': '只看此人的操作',
    otherAction: '其他操作',
    otherTarget: '其他对象',
    before: '变更前',
    after: '变更后',
    nothing: '无',
    noDetail: '此操作没有记录详细内容',
    changedHint: '高亮的字段在本次操作中发生了变化',
    requestId: '请求编号：{id}',
    'action.auth.login': '登录',
    'action.account.erase': '注销账号',
    'action.staff.create': '新建账号',
    'action.department.create': '新建处置部门',
    'action.merchant.create': '新建合作商户',
    'action.merchant.update': '修改合作商户',
    'action.report_category.create': '新建报事类别',
    'action.report_category.update': '修改报事类别',
    'action.points_rule.create': '新建积分规则',
    'action.points_rule.update': '修改积分规则',
    'action.points.adjust': '积分调整',
    'action.reward.create': '新建兑换奖品',
    'action.reward.update': '修改兑换奖品',
    'action.redemption.fulfil': '核销兑换码',
    'action.station.create': '新建驿站',
    'action.station.update': '修改驿站',
    'action.station.code_rotation': '更换驿站签到码',
    'target.user': '账号',
    'target.department': '处置部门',
    'target.merchant': '合作商户',
    'target.report_category': '报事类别',
    'target.points_rule': '积分规则',
    'target.reward': '兑换奖品',
    'target.redemption': '兑换记录',
    'target.station': '驿站',
  },
  'en-US': {
    title: 'Audit log',
    empty: 'No entries',
  },
});

type Key = Parameters<typeof t>[0];

/** Every action name the API writes (grep `action: '` in apps/api/src), in the filter's order. */
export const KNOWN_ACTIONS = [
  'staff.create',
  'auth.login',
  'account.erase',
  'station.create',
  'station.update',
  'station.code_rotation',
  'report_category.create',
  'report_category.update',
  'department.create',
  'points_rule.create',
  'points_rule.update',
  'points.adjust',
  'reward.create',
  'reward.update',
  'merchant.create',
  'merchant.update',
  'redemption.fulfil',
] as const;

export const KNOWN_TARGETS = [
  'user',
  'station',
  'report_category',
  'department',
  'points_rule',
  'reward',
  'merchant',
  'redemption',
] as const;

/** The action in words; one this build does not know is "其他操作", never its raw name. */
export function actionLabel(action: string): string {
  return (KNOWN_ACTIONS as readonly string[]).includes(action)
    ? t(`action.${action}` as Key)
    : t('otherAction');
}

export function targetLabel(type: string): string {
  return (KNOWN_TARGETS as readonly string[]).includes(type)
    ? t(`target.${type}` as Key)
    : t('otherTarget');
}
