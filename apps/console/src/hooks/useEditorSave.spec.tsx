import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderPage } from '../test/render';
import { useEditorSave } from './useEditorSave';

interface Thing {
  id: string;
  name: string;
}

function Editor(props: {
  existing: Thing | null;
  name: string;
  create: (values: { name: string }) => Promise<Thing>;
  patch: (changes: Partial<Thing>, existing: Thing) => Promise<Thing>;
  onSaved: (saved: Thing) => void;
  onUnchanged: () => void;
}) {
  const save = useEditorSave({
    existing: props.existing,
    create: props.create,
    changesOf: (values: { name: string }, existing: Thing): Partial<Thing> =>
      values.name === existing.name ? {} : { name: values.name },
    patch: props.patch,
    onSaved: props.onSaved,
    onUnchanged: props.onUnchanged,
    onError: () => undefined,
  });
  return (
    <button type="button" onClick={() => save.mutate({ name: props.name })}>
      save
    </button>
  );
}

describe('useEditorSave', () => {
  const thing = { id: 't1', name: '旧名' };

  function setup(existing: Thing | null, name: string) {
    const calls = {
      create: jest.fn((values: { name: string }) => Promise.resolve({ id: 'new', ...values })),
      patch: jest.fn((changes: Partial<Thing>, current: Thing) =>
        Promise.resolve({ ...current, ...changes }),
      ),
      onSaved: jest.fn(),
      onUnchanged: jest.fn(),
    };
    renderPage(<Editor existing={existing} name={name} {...calls} />, { signedIn: false });
    fireEvent.click(screen.getByRole('button', { name: 'save' }));
    return calls;
  }

  it('creates a new object and says so', async () => {
    const calls = setup(null, '新名');
    expect(await screen.findByText('已创建')).toBeTruthy();
    expect(calls.create).toHaveBeenCalledWith({ name: '新名' });
    expect(calls.patch).not.toHaveBeenCalled();
    expect(calls.onSaved).toHaveBeenCalledWith({ id: 'new', name: '新名' });
  });

  it('patches only what changed on an existing object', async () => {
    const calls = setup(thing, '新名');
    expect(await screen.findByText('已保存')).toBeTruthy();
    expect(calls.patch).toHaveBeenCalledWith({ name: '新名' }, thing);
    expect(calls.create).not.toHaveBeenCalled();
    expect(calls.onSaved).toHaveBeenCalledWith({ id: 't1', name: '新名' });
  });

  it('sends nothing when nothing changed, and says so in Chinese', async () => {
    const calls = setup(thing, '旧名');
    expect(await screen.findByText('没有修改')).toBeTruthy();
    await waitFor(() => expect(calls.onUnchanged).toHaveBeenCalledTimes(1));
    expect(calls.patch).not.toHaveBeenCalled();
    expect(calls.create).not.toHaveBeenCalled();
    expect(calls.onSaved).not.toHaveBeenCalled();
  });
});
