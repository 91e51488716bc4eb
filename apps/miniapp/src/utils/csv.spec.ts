import { parseCsv, settlementSummary } from './csv';

describe(parseCsv.name, () => {
  it('reads quoted fields with commas, quotes and line breaks', () => {
    expect(parseCsv('a,"b, c","say ""hi""","two\nlines"\r\n1,2,3,4\n')).toEqual([
      ['a', 'b, c', 'say "hi"', 'two\nlines'],
      ['1', '2', '3', '4'],
    ]);
  });

  it('drops a byte-order mark and reads a last line without a line end', () => {
    expect(parseCsv('\uFEFFx,y\n1,2')).toEqual([
      ['x', 'y'],
      ['1', '2'],
    ]);
  });
});

describe(settlementSummary.name, () => {
  it('counts the codes and adds their points, leaving out a total row', () => {
    const csv = [
      '\uFEFFredemption_id,fulfilled_at,issued_at,code_tail,reward,points',
      'r1,2026-11-24 10:00,2026-11-24 09:00,9012,"矿泉水, 550ml",50',
      'r2,2026-11-24 11:00,2026-11-24 10:30,3456,午餐券,100',
      'TOTAL,,,,2 codes,150',
      '',
    ].join('\r\n');

    expect(settlementSummary(csv)).toEqual({ count: 2, points: 150 });
  });

  it('is zero for a period without codes', () => {
    expect(settlementSummary('redemption_id,points\nTOTAL,0\n')).toEqual({ count: 0, points: 0 });
  });
});
