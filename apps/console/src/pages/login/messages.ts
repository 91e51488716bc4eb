import { defineMessages } from '../../i18n/messages';

export const t = defineMessages({
  'zh-CN': {
    title: '区级管理后台登录',
    subtitle: '驿站：户外劳动者服务站点管理',
    username: '用户名',
    password: '密码',
    submit: '登录',
    'error.credentials': '用户名或密码不正确',
    'error.locked': '密码错误次数过多，账号已暂时锁定，请稍后再试',
  },
  'en-US': {
    title: 'District console sign-in',
    subtitle: 'Yizhan: outdoor-worker service stations',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    'error.credentials': 'Wrong username or password',
    'error.locked': 'Too many wrong passwords: the account is locked for a while',
  },
});
