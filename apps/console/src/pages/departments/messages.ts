import { defineMessages } from '../../i18n/messages';

export const t = defineMessages({
  'zh-CN': {
    title: '处置部门',
    intro:
      '处置部门负责办理派来的报事。一个区域的部门也服务它的所有下级区域，因此这里列出所选区域本级、上级和下级的部门。',
    region: '查看区域',
    create: '新建部门',
    empty: '该区域还没有处置部门',
    'column.name': '部门名称',
    'column.region': '所属区域',
    'column.phone': '联系电话',
    own: '本级',
    above: '上级',
    below: '下级',
    noPhone: '未填写',
    'form.title': '新建处置部门',
    'form.name': '部门名称',
    'form.nameLength': '部门名称最多 100 个字',
    'form.nameTaken': '该区域已有同名部门，请换一个名称',
    'form.region': '所属区域',
    'form.regionExtra': '部门服务所属区域及其全部下级区域',
    'form.phone': '联系电话（选填）',
    'form.phoneInvalid': '请填写 5–32 位的电话号码（数字、+、-、括号或空格）',
  },
  'en-US': {
    title: 'Departments',
    create: 'New department',
    region: 'Region',
    empty: 'No departments in this region yet',
  },
});
