import { downloadBlob } from './file-download';

/**
 * H5: hands the settlement CSV to the browser as a file (as data-export.ts does for the user's
 * own data). The text already starts with the byte-order mark the API adds, so a spreadsheet
 * reads its Chinese titles as UTF-8.
 */
export function downloadCsv(csv: string, filename: string): void {
  downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), filename);
}
