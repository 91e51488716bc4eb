/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ErrorCode } from '@yizhan/contracts';
import { fail, ok, sentTo, serveRoutes } from '../../../../../test/factories';
import { redemption } from '../../../../../test/rewards-factories';
import { restoreSession } from '../../../../../test/session-fixtures';
import { taroFake } from '../../../../../test/taro-fake';
import { CODE_POLL_MS } from '../../../../hooks/useRedemptionCode';
import { setLocale } from '../../../../i18n';
import { setTokenRefresher } from '../../../../services/request';
import { session } from '../../../../services/session';
import RedemptionCodePage from './index';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47]).buffer;
const NOW = new Date('2026-11-24T10:00:00+08:00');

describe('RedemptionCodePage', () => {
  beforeEach(() => {
    taroFake.reset();
    session.reload();
    setTokenRefresher(null);
    setLocale('zh-CN', false);
    taroFake.routerParams = { id: 'r1' };
    restoreSession();
    jest.useFakeTimers({ now: NOW, doNotFake: ['queueMicrotask'] });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('shows the QR, the code in groups of four, where to show it and the time left', async () => {
    serveRoutes({
      'GET /redemptions/r1': () => ok(redemption('r1', { expiresAt: '2026-11-24T12:30:05+08:00' })),
      'GET /redemptions/r1/qr': () => ok(PNG),
    });
    render(<RedemptionCodePage />);

    const qr = await screen.findByRole('img', { name: '兑换二维码' });
    expect(qr.getAttribute('src')).toBe('data:image/png;base64,iVBORw==');
    expect(screen.getByLabelText('兑换码').textContent).toBe('1234 5678 9012');
    expect(screen.getByText('请到「淮川便利店」向店员出示此码')).not.toBeNull();
    expect(screen.getByText('02:30:05')).not.toBeNull();
    expect(screen.getByText('待使用')).not.toBeNull();
  });

  it('turns to 已核销 by itself after the counter used the code', async () => {
    let used = false;
    serveRoutes({
      'GET /redemptions/r1': () =>
        ok(
          used
            ? redemption('r1', {
                status: 'fulfilled',
                fulfilledAt: '2026-11-24T10:00:04+08:00',
              })
            : redemption('r1'),
        ),
      'GET /redemptions/r1/qr': () => ok(PNG),
    });
    render(<RedemptionCodePage />);
    await screen.findByRole('img', { name: '兑换二维码' });

    used = true;
    await act(async () => {
      jest.advanceTimersByTime(CODE_POLL_MS);
    });

    expect(await screen.findByText('已核销')).not.toBeNull();
    expect(screen.getByRole('status').textContent).toBe('已于 11月24日 10:00 核销');
    expect(screen.queryByRole('img', { name: '兑换二维码' })).toBeNull();
    expect(screen.queryByRole('button', { name: '取消兑换' })).toBeNull();
  });

  it('cancels after a confirmation that says the points come back', async () => {
    serveRoutes({
      'GET /redemptions/r1': () => ok(redemption('r1')),
      'GET /redemptions/r1/qr': () => ok(PNG),
      'POST /redemptions/r1/cancel': () =>
        ok(redemption('r1', { status: 'cancelled', cancelledAt: '2026-11-24T10:01:00+08:00' })),
    });
    render(<RedemptionCodePage />);

    fireEvent.click(await screen.findByRole('button', { name: '取消兑换' }));

    expect(await screen.findByText('已取消')).not.toBeNull();
    expect(taroFake.modals[0]?.content).toBe('取消后 50 积分将退回你的账户，兑换码随即失效。');
    expect(taroFake.toasts).toContain('已取消，积分已退回');
    expect(screen.getByRole('status').textContent).toBe('已于 11月24日 10:01 取消，积分已退回');
  });

  it('explains a refused cancel in Chinese and shows the real state', async () => {
    let fulfilled = false;
    serveRoutes({
      'GET /redemptions/r1': () =>
        ok(
          fulfilled
            ? redemption('r1', { status: 'fulfilled', fulfilledAt: NOW.toISOString() })
            : redemption('r1'),
        ),
      'GET /redemptions/r1/qr': () => ok(PNG),
      'POST /redemptions/r1/cancel': () => {
        fulfilled = true;
        return fail(409, ErrorCode.REDEMPTION_ALREADY_FULFILLED);
      },
    });
    render(<RedemptionCodePage />);

    fireEvent.click(await screen.findByRole('button', { name: '取消兑换' }));

    expect(await screen.findByText('已核销')).not.toBeNull();
    expect(taroFake.toasts).toEqual(['该兑换码已核销，不能取消']);
  });

  it('keeps the code readable when the QR fails, and can load it again', async () => {
    let qrFails = true;
    serveRoutes({
      'GET /redemptions/r1': () => ok(redemption('r1')),
      'GET /redemptions/r1/qr': () =>
        qrFails ? fail(503, ErrorCode.SERVICE_UNAVAILABLE) : ok(PNG),
    });
    render(<RedemptionCodePage />);

    expect((await screen.findByRole('alert')).textContent).toContain(
      '二维码加载失败，可把兑换码报给店员',
    );
    expect(screen.getByLabelText('兑换码').textContent).toBe('1234 5678 9012');

    qrFails = false;
    fireEvent.click(screen.getByRole('button', { name: '重新加载' }));

    expect(await screen.findByRole('img', { name: '兑换二维码' })).not.toBeNull();
    expect(sentTo('GET /redemptions/r1/qr')).toHaveLength(2);
  });

  it('says a code of someone else does not exist', async () => {
    serveRoutes({ 'GET /redemptions/r1': () => fail(404, ErrorCode.NOT_FOUND) });
    render(<RedemptionCodePage />);

    expect(await screen.findByText('兑换记录不存在')).not.toBeNull();
  });

  it('shows an error with 重试 when the code cannot load', async () => {
    serveRoutes({ 'GET /redemptions/r1': () => fail(500, ErrorCode.INTERNAL_ERROR) });
    render(<RedemptionCodePage />);

    expect(await screen.findByText('兑换码加载失败')).not.toBeNull();
    expect(screen.getByText('服务出了点问题，请稍后再试')).not.toBeNull();
    await waitFor(() => expect(screen.getByRole('button', { name: '重试' })).not.toBeNull());
  });
});
