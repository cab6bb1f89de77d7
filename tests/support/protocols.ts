// The protocol fixtures (tests/fixtures/intake/protocols/): the paragraphs of three meeting
// protocols as officials write them, in Russian, Kazakh and Kyrgyz, and the files made from them
// by tests/fixtures/intake/protocols/make.ts — DOCX through the `docx` package (the Kazakh one
// with Word's own list numbering, the others with the numbers typed), a PDF with a text layer and
// a scan-like PDF (one image, no text) printed by Chromium.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROTOCOL_FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/intake/protocols');

export function protocolFixture(name: string): Buffer {
  return fs.readFileSync(path.join(PROTOCOL_FIXTURES, name));
}

/** A paragraph of a protocol: its text and, for Word's own numbering, its list level. */
export interface ProtocolParagraph {
  text: string;
  /** Set: the paragraph is a numbered list item at this level (the number is Word's, not typed). */
  listLevel?: 0 | 1;
  bold?: boolean;
  center?: boolean;
}

const p = (text: string, extra: Omit<ProtocolParagraph, 'text'> = {}): ProtocolParagraph => ({ text, ...extra });

/** A protocol of the Cabinet of Ministers of Kyrgyzstan, in Russian, numbers typed: `I.`, `1.`, `2.1.`, `1)`. */
export const RU_PROTOCOL: ProtocolParagraph[] = [
  p('КАБИНЕТ МИНИСТРОВ КЫРГЫЗСКОЙ РЕСПУБЛИКИ', { bold: true, center: true }),
  p('ПРОТОКОЛ', { bold: true, center: true }),
  p('совещания у Председателя Кабинета Министров Кыргызской Республики по вопросам топливно-энергетического комплекса', { center: true }),
  p('г. Бишкек'),
  p('от 15 февраля 2022 года № 12'),
  p('Председательствовал: Председатель Кабинета Министров Кыргызской Республики Жапаров А.У.'),
  p('Присутствовали: Иванов И.И., Петров П.П., Асанов А.А.'),
  p('I. О подготовке к отопительному сезону', { bold: true }),
  p('(Иванов И.И., Асанов А.А.)'),
  p('1. Информацию Министерства энергетики Кыргызской Республики о ходе подготовки к отопительному сезону принять к сведению.'),
  p('2. Министерству энергетики Кыргызской Республики (Иванову И.И.), Министерству экономики и коммерции Кыргызской Республики, Министерству финансов Кыргызской Республики:'),
  p('2.1. обеспечить накопление угля на ТЭЦ г. Бишкек в срок до 1 марта 2022 года;'),
  p('2.2. разработать график ремонта тепловых сетей в месячный срок;'),
  p('2.3. информацию о ходе исполнения представить в Аппарат Кабинета Министров Кыргызской Республики ежеквартально, до 5 числа месяца, следующего за отчетным кварталом.'),
  p('3. Министерству транспорта и коммуникаций Кыргызской Республики совместно с Пограничной службой в двухнедельный срок проработать вопрос открытия пункта пропуска «Ак-Тилек» и информацию представить в Аппарат Кабинета Министров Кыргызской Республики.'),
  p('II. О ценах на горюче-смазочные материалы', { bold: true }),
  p('4. Министерству экономики и коммерции Кыргызской Республики в течение 10 рабочих дней внести предложения по стабилизации цен на горюче-смазочные материалы.'),
  p('5. Министерству энергетики Кыргызской Республики:'),
  p('1) срочно представить расчеты тарифов на электроэнергию;'),
  p('2) до 1 апреля внести проект постановления о порядке учета топлива.'),
  p('Председатель Кабинета Министров Кыргызской Республики А. Жапаров'),
];

/** A protocol of the Government of Kazakhstan, in Kazakh, with Word's own list numbering. */
export const KK_PROTOCOL: ProtocolParagraph[] = [
  p('ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ҮКІМЕТІ', { bold: true, center: true }),
  p('Қазақстан Республикасы Премьер-Министрінің орынбасары жанындағы энергетика мәселелері жөніндегі кеңестің', { center: true }),
  p('ХАТТАМАСЫ', { bold: true, center: true }),
  p('Астана қаласы, 2023 жылғы 10 наурыз, № 7'),
  p('Төрағалық еткен: Қазақстан Республикасы Премьер-Министрінің орынбасары Сәрсенов Б.Қ.'),
  p('Қазақстан Республикасы Энергетика министрлігінің жылу беру маусымына дайындық барысы туралы ақпараты назарға алынсын.', { listLevel: 0 }),
  p('Қазақстан Республикасының Энергетика министрлігіне (Сәтбаев Ә.Ә.), Ұлттық экономика министрлігіне, Қаржы министрлігіне:', { listLevel: 0 }),
  p('2023 жылғы 1 сәуірге дейін жылу электр орталықтарында көмір қорын жинауды қамтамасыз ету;', { listLevel: 1 }),
  p('бір ай мерзімде жылу желілерін жөндеу кестесін әзірлеу;', { listLevel: 1 }),
  p('тоқсан сайын, есепті тоқсаннан кейінгі айдың 5-іне дейін Премьер-Министрдің Кеңсесіне ақпарат беру.', { listLevel: 1 }),
  p('Көлік министрлігіне Шекара қызметімен бірлесіп екі апта мерзімде «Қорғас» өткізу пунктін ашу мәселесін пысықтау және Премьер-Министрдің Кеңсесіне ақпарат беру.', { listLevel: 0 }),
  p('Сауда және интеграция министрлігіне 10 жұмыс күні ішінде жанар-жағармай бағасын тұрақтандыру бойынша ұсыныстар енгізу.', { listLevel: 0 }),
  p('Энергетика министрлігіне шұғыл түрде электр энергиясы тарифтерінің есептерін ұсыну.', { listLevel: 0 }),
  p('Қаржы министрлігіне 20 мамырға дейін қаулы жобасын енгізу.', { listLevel: 0 }),
  p('Қазақстан Республикасы Премьер-Министрінің орынбасары Б. Сәрсенов'),
];

/** A protocol of the Cabinet of Ministers of Kyrgyzstan, in Kyrgyz, numbers typed: `I.`, `1.`, `2.1.`, `3)`. */
export const KY_PROTOCOL: ProtocolParagraph[] = [
  p('КЫРГЫЗ РЕСПУБЛИКАСЫНЫН МИНИСТРЛЕР КАБИНЕТИ', { bold: true, center: true }),
  p('Кыргыз Республикасынын Министрлер Кабинетинин Төрагасынын орун басарынын катышуусундагы кеңешменин', { center: true }),
  p('ПРОТОКОЛУ', { bold: true, center: true }),
  p('Бишкек шаары, 2024-жылдын 5-ноябры, № 31'),
  p('Төрагалык кылды: Кыргыз Республикасынын Министрлер Кабинетинин Төрагасынын орун басары Асанов А.А.'),
  p('I. Жылытуу мезгилине даярдык жөнүндө', { bold: true }),
  p('1. Кыргыз Республикасынын Энергетика министрлигинин маалыматы маалыматка алынсын.'),
  p('2. Кыргыз Республикасынын Энергетика министрлигине (Осмонов Б.Б.), Экономика жана коммерция министрлигине, Финансы министрлигине:'),
  p('2.1. 2024-жылдын 1-декабрына чейин Бишкек ЖЭБинде көмүр запасын топтоону камсыз кылуу;'),
  p('2.2. бир айлык мөөнөттө жылуулук тармактарын оңдоо графигин иштеп чыгуу;'),
  p('2.3. ар бир чейректе, отчеттук чейректен кийинки айдын 5ине чейин Министрлер Кабинетинин Аппаратына маалымат берүү.'),
  p('II. Күйүүчү-майлоочу материалдардын баалары жөнүндө', { bold: true }),
  p('3) Транспорт жана коммуникациялар министрлигине Чек ара кызматы менен биргеликте эки жумалык мөөнөттө «Торугарт» өткөрүү пунктун ачуу маселесин иштеп чыгуу жана Министрлер Кабинетинин Аппаратына маалымат берүү.'),
  p('4) Экономика жана коммерция министрлигине 10 жумуш күнүнүн ичинде баалар боюнча сунуштарды киргизүү.'),
  p('5) Энергетика министрлигине шашылыш түрдө тарифтердин эсептерин берүү.'),
  p('6) Мамлекеттик салык кызматына 1-мартка чейин токтомдун долбоорун киргизүү.'),
  p('Кыргыз Республикасынын Министрлер Кабинетинин Төрагасынын орун басары А. Асанов'),
];

/**
 * A PDF locked with a password nobody gave: the standard security handler (RC4, revision 2) with
 * an owner and user entry that the empty password does not open, as pdf.js and any viewer see it.
 */
export function passwordProtectedPdf(): Buffer {
  const hex = (n: number, seed: number) => Array.from({ length: n }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, '0')).join('');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${hex(32, 11)}> /U <${hex(32, 101)}> /P -44 >>`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${hex(16, 3)}> <${hex(16, 3)}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
