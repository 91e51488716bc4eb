import { useMutation } from '@tanstack/react-query';
import { App } from 'antd';
import { tc } from '../i18n/common';

interface EditorSave<Values, Existing, Saved, Changes extends object> {
  /** The object being edited (PATCH), or null for a new one (POST). */
  existing: Existing | null;
  create: (values: Values) => Promise<Saved>;
  /** The fields that differ from the object being edited. */
  changesOf: (values: Values, existing: Existing) => Changes;
  patch: (changes: Changes, existing: Existing) => Promise<Saved>;
  onSaved: (saved: Saved) => void;
  /** Called instead of `onSaved` when an edit changed nothing (no request is sent). */
  onUnchanged: () => void;
  onError: (error: unknown) => void;
}

/**
 * The save of a create-or-edit form: POST for a new object, PATCH of only the changed fields for
 * an existing one, nothing at all when nothing changed; says which in the console's words.
 */
export function useEditorSave<Values, Existing, Saved, Changes extends object>(
  options: EditorSave<Values, Existing, Saved, Changes>,
) {
  const { message } = App.useApp();
  return useMutation({
    mutationFn: async (values: Values): Promise<Saved | null> => {
      const { existing } = options;
      if (existing === null) return options.create(values);
      const changes = options.changesOf(values, existing);
      if (Object.keys(changes).length === 0) return null;
      return options.patch(changes, existing);
    },
    onSuccess: (saved) => {
      if (saved === null) {
        void message.info(tc('state.unchanged'));
        options.onUnchanged();
        return;
      }
      void message.success(options.existing !== null ? tc('state.saved') : tc('state.created'));
      options.onSaved(saved);
    },
    onError: options.onError,
  });
}
