import { FastifyReply } from 'fastify';

/** A CSV export: its text (without BOM) and the name the browser saves it under. */
export interface CsvFile {
  filename: string;
  csv: string;
}

/** Sends a CSV export as a private download that no cache keeps. */
export async function sendCsvDownload(reply: FastifyReply, file: CsvFile): Promise<void> {
  await reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'private, no-store')
    // The BOM makes spreadsheet programs read Chinese titles and names as UTF-8.
    .send(`\uFEFF${file.csv}`);
}
