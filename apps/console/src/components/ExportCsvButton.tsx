// The per-icon path: the package's index pulls in an ES-module-only colour helper jest cannot load.
import DownloadOutlined from '@ant-design/icons/DownloadOutlined';
import { App, Button } from 'antd';
import { useState } from 'react';
import { downloadFile } from '../api/client';
import { tc } from '../i18n/common';
import { errorText } from '../i18n/errors';

type Query = Parameters<typeof downloadFile>[1];

interface ExportCsvButtonProps {
  /** The CSV route, e.g. Routes.statsExportCsv. */
  path: string;
  query: Query;
  /** Used when the answer names no file. */
  fileName: string;
}

/** Downloads a CSV export; busy while it runs, and says in Chinese when it failed. */
export function ExportCsvButton({ path, query, fileName }: ExportCsvButtonProps) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    try {
      await downloadFile(path, query, fileName);
      message.success(tc('state.exported'));
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button
      icon={<DownloadOutlined aria-hidden />}
      loading={busy}
      disabled={busy}
      onClick={() => void run()}
    >
      {busy ? tc('state.exporting') : tc('action.exportCsv')}
    </Button>
  );
}
