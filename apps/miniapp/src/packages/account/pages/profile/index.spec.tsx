/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ErrorCode } from '@yizhan/contracts';
import { bodyOf, fail, meResponse, ok, sentTo, serveRoutes } from '../../../../../test/factories';
import { taroFake } from '../../../../../test/taro-fake';
import { setLocale } from '../../../../i18n';
import { PagePath } from '../../../../routes';
import { setTokenRefresher } from '../../../../services/request';
import { session } from '../../../../services/session';
import EditProfilePage from './index';

/** Renders and lets the page's own GET /me answer arrive. */
async function renderPage(): Promise<void> {
  await act(async () => {
    render(<EditProfilePage />);
  });
}

function type(placeholder: string, value: string): void {
  fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } });
}

describe('EditProfilePage', () => {
  beforeEach(() => {
    taroFake.reset();
    session.reload();
    setTokenRefresher(null);
    setLocale('zh-CN', false);
  });

  it('sends to the login page when signed out', () => {
    render(<EditProfilePage />);

    fireEvent.click(screen.getByRole('button', { name: '登录' }));

    expect(taroFake.navigations).toEqual([{ kind: 'redirectTo', url: PagePath.login }]);
  });

  it('saves only what changed, with the occupation picked by its Chinese label', async () => {
    session.signIn({ accessToken: 'a', refreshToken: 'r' }, meResponse());
    serveRoutes({
      'GET /me': () => ok(meResponse()),
      'PATCH /me': () => ok(meResponse({ nickname: '老王', occupation: 'truck' })),
    });
    await renderPage();

    type('请输入昵称（最多 32 个字）', ' 老王 ');
    const choices = within(screen.getByRole('radiogroup', { name: '职业' }));
    const labels = choices.getAllByRole('button').map((chip) => chip.textContent);
    expect(labels).toEqual(['外卖骑手', '快递员', '环卫工人', '网约车司机', '货车司机', '其他']);
    fireEvent.click(choices.getByRole('button', { name: '货车司机' }));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));

    await waitFor(() => expect(taroFake.navigations).toEqual([{ kind: 'navigateBack' }]));
    expect(bodyOf(sentTo('PATCH /me')[0])).toEqual({ nickname: '老王', occupation: 'truck' });
    expect(session.getSnapshot().user?.nickname).toBe('老王');
    expect(taroFake.toasts).toContain('已保存');
  });

  it('checks the fields with the contract before sending', async () => {
    session.signIn({ accessToken: 'a', refreshToken: 'r' }, meResponse());
    serveRoutes({ 'GET /me': () => ok(meResponse()) });
    await renderPage();

    type('请输入昵称（最多 32 个字）', '<script>');
    type('如 美团、饿了么、顺丰', '美团<b>');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));

    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual([
      '昵称需为 1–32 个字，且不能包含 < > 等特殊字符',
      '平台名称最多 32 个字，且不能包含 < > 等特殊字符',
    ]);
    expect(sentTo('PATCH /me')).toHaveLength(0);
  });

  it('shows the server refusal under the form', async () => {
    session.signIn({ accessToken: 'a', refreshToken: 'r' }, meResponse());
    serveRoutes({
      'GET /me': () => ok(meResponse()),
      'PATCH /me': () => fail(400, ErrorCode.VALIDATION_FAILED),
    });
    await renderPage();

    type('如 美团、饿了么、顺丰', '饿了么');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));

    expect((await screen.findByRole('alert')).textContent).toBe('资料填写有误，请检查后再试');
    expect(taroFake.navigations).toHaveLength(0);
  });
});
