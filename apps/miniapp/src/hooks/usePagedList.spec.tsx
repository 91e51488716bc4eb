/** @jest-environment jsdom */
import { act, renderHook } from '@testing-library/react';
import { ErrorCode, type Page } from '@yizhan/contracts';
import { taroFake } from '../../test/taro-fake';
import { setLocale } from '../i18n';
import { ApiError } from '../services/api-error';
import { usePagedList } from './usePagedList';

interface Row {
  id: string;
  label: string;
}

type Query = { status: string };

const row = (id: string, label = id): Row => ({ id, label });
const page = (items: Row[], nextCursor: string | null = null): Page<Row> => ({
  items,
  nextCursor,
});
const unavailable = () =>
  new ApiError({ code: ErrorCode.SERVICE_UNAVAILABLE, status: 503, message: 'down' });

describe(usePagedList.name, () => {
  beforeEach(() => {
    taroFake.reset();
    setLocale('zh-CN', false);
  });

  it('loads nothing until asked, then the first page', async () => {
    const fetchPage = jest.fn((_query: Query, _cursor?: string) =>
      Promise.resolve(page([row('a')])),
    );
    const { result } = renderHook(() => usePagedList(fetchPage, { status: 'all' }));

    expect(result.current[0].phase).toBe('loading');
    expect(fetchPage).not.toHaveBeenCalled();

    await act(() => result.current[1].reload());

    expect(result.current[0]).toMatchObject({ phase: 'ready', items: [row('a')] });
  });

  it('pages with the cursor, drops repeated ids and stops at the end', async () => {
    const fetchPage = jest.fn((_query: Query, cursor?: string) =>
      Promise.resolve(
        cursor === 'c1' ? page([row('b'), row('c')]) : page([row('a'), row('b')], 'c1'),
      ),
    );
    const { result } = renderHook(() => usePagedList(fetchPage, { status: 'all' }));
    await act(() => result.current[1].reload());

    await act(() => result.current[1].loadMore());
    await act(() => result.current[1].loadMore());

    expect(result.current[0].items.map((item) => item.id)).toEqual(['a', 'b', 'c']);
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });

  it('shows the error state when the first page fails', async () => {
    const { result } = renderHook(() =>
      usePagedList(() => Promise.reject(unavailable()), { status: 'all' }),
    );

    await act(() => result.current[1].reload());

    expect(result.current[0].phase).toBe('error');
    expect(result.current[0].error?.code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
  });

  it('keeps the list when a refresh fails and says so in Chinese', async () => {
    let fail = false;
    const { result } = renderHook(() =>
      usePagedList(
        () => (fail ? Promise.reject(unavailable()) : Promise.resolve(page([row('a')]))),
        { status: 'all' },
      ),
    );
    await act(() => result.current[1].reload());
    fail = true;

    await act(() => result.current[1].reload());

    expect(result.current[0]).toMatchObject({ phase: 'ready', items: [row('a')] });
    expect(taroFake.toasts).toEqual(['服务暂时不可用，请稍后再试']);
  });

  it('clears the list while a new filter loads, and drops the answer of the older one', async () => {
    const answers: Record<string, (value: Page<Row>) => void> = {};
    const { result } = renderHook(() =>
      usePagedList(
        (query: Query) =>
          new Promise<Page<Row>>((resolve) => {
            answers[query.status] = resolve;
          }),
        { status: 'all' },
      ),
    );
    let first: Promise<void> = Promise.resolve();
    act(() => {
      first = result.current[1].reload();
    });
    let second: Promise<void> = Promise.resolve();
    act(() => {
      second = result.current[1].reload({ status: 'issued' });
    });
    expect(result.current[0]).toMatchObject({ phase: 'loading', query: { status: 'issued' } });

    await act(async () => {
      answers.issued?.(page([row('new')]));
      await second;
      answers.all?.(page([row('old')]));
      await first;
    });

    expect(result.current[0].items.map((item) => item.id)).toEqual(['new']);
  });

  it('replaces one item in place', async () => {
    const { result } = renderHook(() =>
      usePagedList(() => Promise.resolve(page([row('a'), row('b')])), { status: 'all' }),
    );
    await act(() => result.current[1].reload());

    act(() => result.current[1].replaceItem(row('b', 'changed')));

    expect(result.current[0].items).toEqual([row('a'), row('b', 'changed')]);
  });
});
