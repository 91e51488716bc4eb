/**
 * H5: hands the settlement CSV to the browser as a file (as data-export.ts does for the user's
 * own data). The text already starts with the byte-order mark the API adds, so a spreadsheet
 * reads its Chinese titles as UTF-8.
 */
export function downloadCsv(csv: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
