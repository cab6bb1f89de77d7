// The demo's words, per language: organization and people names, the meeting, and each
// instruction's title, text, reports and extension reason, in the order of seed.ts. The English
// follows the seed readout; the Russian is how a Russian-speaking secretariat would record the
// same meeting, and serves the Kazakh and Kyrgyz interfaces too (Russian is the working language
// of both governments' correspondence). The meeting's source text stays the English readout:
// it is the document the instructions were taken from.
import type { Language } from '../../../db/model';
import type { OrgKey } from './seed';

interface Named {
  name: string;
  shortName: string;
}

interface Official {
  fullName: string;
  position: string;
}

export interface DemoInstructionText {
  title: string;
  body: string;
  reports?: string[];
  finalReport?: string;
  extensionReason?: string;
}

export interface DemoTexts {
  organizations: Record<OrgKey, Named>;
  chairman: Official;
  primeMinister: Official;
  meeting: { title: string; place: string; participants: string; protocolNumber: string };
  instructions: DemoInstructionText[];
}

const EN: DemoTexts = {
  organizations: {
    cabinetKg: { name: 'Cabinet of Ministers of the Kyrgyz Republic', shortName: 'Cabinet of Ministers (KG)' },
    governmentKz: { name: 'Government of the Republic of Kazakhstan', shortName: 'Government (KZ)' },
    economyKg: { name: 'Ministry of Economy and Commerce of the Kyrgyz Republic', shortName: 'Ministry of Economy and Commerce (KG)' },
    energyKg: { name: 'Ministry of Energy of the Kyrgyz Republic', shortName: 'Ministry of Energy (KG)' },
    agricultureKg: { name: 'Ministry of Agriculture of the Kyrgyz Republic', shortName: 'Ministry of Agriculture (KG)' },
    cultureKg: {
      name: 'Ministry of Culture, Information, Sports and Youth Policy of the Kyrgyz Republic (Department of Tourism)',
      shortName: 'Department of Tourism (KG)',
    },
    healthKg: { name: 'Ministry of Health of the Kyrgyz Republic', shortName: 'Ministry of Health (KG)' },
    borderKg: { name: 'Border Service of the State Committee for National Security of the Kyrgyz Republic', shortName: 'Border Service (KG)' },
    foreignKg: { name: 'Ministry of Foreign Affairs of the Kyrgyz Republic', shortName: 'Ministry of Foreign Affairs (KG)' },
    issykKul: { name: 'Issyk-Kul Regional Administration', shortName: 'Issyk-Kul Region (KG)' },
    tradeKz: { name: 'Ministry of Trade and Integration of the Republic of Kazakhstan', shortName: 'Ministry of Trade and Integration (KZ)' },
    energyKz: { name: 'Ministry of Energy of the Republic of Kazakhstan', shortName: 'Ministry of Energy (KZ)' },
    industryKz: { name: 'Ministry of Industry and Infrastructure Development of the Republic of Kazakhstan', shortName: 'Ministry of Industry and Infrastructure (KZ)' },
    healthKz: { name: 'Ministry of Health of the Republic of Kazakhstan', shortName: 'Ministry of Health (KZ)' },
    borderKz: { name: 'Border Service of the National Security Committee of the Republic of Kazakhstan', shortName: 'Border Service (KZ)' },
  },
  chairman: { fullName: 'Akylbek Japarov', position: 'Chairman of the Cabinet of Ministers of the Kyrgyz Republic' },
  primeMinister: { fullName: 'Askar Mamin', position: 'Prime Minister of the Republic of Kazakhstan' },
  meeting: {
    title: 'Meeting of the heads of government of Kyrgyzstan and Kazakhstan (demo)',
    place: 'On the sidelines of the first economic forum European Union — Central Asia',
    participants: 'Akylbek Japarov, Chairman of the Cabinet of Ministers of Kyrgyzstan; Askar Mamin, Prime Minister of Kazakhstan',
    protocolNumber: 'DEMO-2021-11-05',
  },
  instructions: [
    {
      title: 'Bring mutual trade between Kyrgyzstan and Kazakhstan to USD 1 billion',
      body:
        'The presidents of the two countries set the task of bringing the level of trade between the republics to $1 billion. ' +
        'Prepare a joint plan of measures to fulfil the existing potential in mutual trade.',
      reports: ['A draft plan of measures was sent to the Kazakh side for approval.'],
    },
    {
      title: 'Work out the supply of electricity from Kazakhstan',
      body: 'The parties discussed the issue of electricity supply from Kazakhstan. Instructions were given to the heads of relevant ministries to work out these issues.',
      extensionReason: 'Awaiting the Kazakh side’s balance of electricity for the autumn–winter period.',
      reports: ['Draft supply volumes for the autumn–winter period were agreed at expert level.'],
    },
    {
      title: 'Work out the transit of electricity through the territory of Kazakhstan',
      body: 'The parties discussed electricity transit through the territory of Kazakhstan. Instructions were given to the heads of relevant ministries to work out these issues.',
    },
    {
      title: 'Attract investment from Kazakhstan into the economy of Kyrgyzstan',
      body: 'Kyrgyzstan is interested in attracting investments from Kazakhstan. Prepare a list of projects to offer Kazakh investors.',
      reports: ['A list of 12 investment projects was presented to the Kazakh side.'],
    },
    {
      title: 'Joint projects to build wholesale distribution centres',
      body: 'Within the framework of the meeting, issues of cooperation in joint projects for the construction of wholesale distribution centers were discussed.',
    },
    {
      title: 'Create an industrial trade and logistics complex with Kazakh investment',
      body: 'Creation of an industrial trade and logistics complex with attraction of Kazakh investments was discussed.',
    },
    {
      title: 'Functioning of Kazakhstani resorts in the Issyk-Kul region',
      body: 'The functioning of Kazakhstani resorts in Issyk-Kul region was discussed. The relevant ministries of the two republics will consider these issues.',
    },
    {
      title: 'Open land checkpoints in Kazakhstan for citizens of Kyrgyzstan vaccinated against coronavirus',
      body:
        'The parties touched upon the issues of opening land checkpoints in Kazakhstan for citizens of Kyrgyzstan who received a vaccine against coronavirus infection. ' +
        'The relevant ministries of the two republics will consider these issues.',
      reports: ['Sanitary requirements for crossing the land border were agreed by both ministries of health.'],
      finalReport: 'Land checkpoints were opened for citizens of Kyrgyzstan holding a vaccination certificate.',
    },
    {
      title: 'Take part in the meeting of the SCO Council of Heads of Government in Astana',
      body:
        'The Prime Minister of Kazakhstan invited Akylbek Japarov to the next meeting of the Council of Heads of Government of the Shanghai Cooperation Organization member states, which will be held in November in Astana.',
    },
  ],
};

const RU: DemoTexts = {
  organizations: {
    cabinetKg: { name: 'Кабинет Министров Кыргызской Республики', shortName: 'Кабинет Министров (КР)' },
    governmentKz: { name: 'Правительство Республики Казахстан', shortName: 'Правительство (РК)' },
    economyKg: { name: 'Министерство экономики и коммерции Кыргызской Республики', shortName: 'Минэкономкоммерции (КР)' },
    energyKg: { name: 'Министерство энергетики Кыргызской Республики', shortName: 'Минэнерго (КР)' },
    agricultureKg: { name: 'Министерство сельского хозяйства Кыргызской Республики', shortName: 'Минсельхоз (КР)' },
    cultureKg: {
      name: 'Министерство культуры, информации, спорта и молодёжной политики Кыргызской Республики (Департамент туризма)',
      shortName: 'Департамент туризма (КР)',
    },
    healthKg: { name: 'Министерство здравоохранения Кыргызской Республики', shortName: 'Минздрав (КР)' },
    borderKg: { name: 'Пограничная служба Государственного комитета национальной безопасности Кыргызской Республики', shortName: 'Погранслужба ГКНБ (КР)' },
    foreignKg: { name: 'Министерство иностранных дел Кыргызской Республики', shortName: 'МИД (КР)' },
    issykKul: { name: 'Администрация Иссык-Кульской области', shortName: 'Иссык-Кульская область (КР)' },
    tradeKz: { name: 'Министерство торговли и интеграции Республики Казахстан', shortName: 'МТИ (РК)' },
    energyKz: { name: 'Министерство энергетики Республики Казахстан', shortName: 'Минэнерго (РК)' },
    industryKz: { name: 'Министерство индустрии и инфраструктурного развития Республики Казахстан', shortName: 'МИИР (РК)' },
    healthKz: { name: 'Министерство здравоохранения Республики Казахстан', shortName: 'Минздрав (РК)' },
    borderKz: { name: 'Пограничная служба Комитета национальной безопасности Республики Казахстан', shortName: 'Погранслужба КНБ (РК)' },
  },
  chairman: { fullName: 'Жапаров Акылбек Усенбекович', position: 'Председатель Кабинета Министров Кыргызской Республики' },
  primeMinister: { fullName: 'Мамин Аскар Узакпаевич', position: 'Премьер-Министр Республики Казахстан' },
  meeting: {
    title: 'Встреча глав правительств Кыргызстана и Казахстана (демо)',
    place: 'На полях первого экономического форума «Европейский союз — Центральная Азия»',
    participants: 'А. У. Жапаров, Председатель Кабинета Министров Кыргызской Республики; А. У. Мамин, Премьер-Министр Республики Казахстан',
    protocolNumber: 'ДЕМО-2021-11-05',
  },
  instructions: [
    {
      title: 'Довести объём взаимной торговли Кыргызстана и Казахстана до 1 млрд долларов США',
      body:
        'Президентами двух стран поставлена задача довести товарооборот между республиками до 1 млрд долларов США. ' +
        'Подготовить совместный план мероприятий по реализации имеющегося потенциала взаимной торговли.',
      reports: ['Проект плана мероприятий направлен казахстанской стороне на согласование.'],
    },
    {
      title: 'Проработать вопрос поставок электроэнергии из Казахстана',
      body: 'Стороны обсудили вопрос поставок электроэнергии из Казахстана. Руководителям профильных министерств поручено проработать данные вопросы.',
      extensionReason: 'Ожидается баланс электроэнергии казахстанской стороны на осенне-зимний период.',
      reports: ['Проектные объёмы поставок на осенне-зимний период согласованы на экспертном уровне.'],
    },
    {
      title: 'Проработать вопрос транзита электроэнергии по территории Казахстана',
      body: 'Стороны обсудили транзит электроэнергии по территории Казахстана. Руководителям профильных министерств поручено проработать данные вопросы.',
    },
    {
      title: 'Привлечь казахстанские инвестиции в экономику Кыргызстана',
      body: 'Кыргызстан заинтересован в привлечении инвестиций из Казахстана. Подготовить перечень проектов для предложения казахстанским инвесторам.',
      reports: ['Казахстанской стороне представлен перечень из 12 инвестиционных проектов.'],
    },
    {
      title: 'Совместные проекты по строительству оптово-распределительных центров',
      body: 'В ходе встречи обсуждены вопросы сотрудничества в реализации совместных проектов по строительству оптово-распределительных центров.',
    },
    {
      title: 'Создать промышленный торгово-логистический комплекс с привлечением казахстанских инвестиций',
      body: 'Обсуждено создание промышленного торгово-логистического комплекса с привлечением казахстанских инвестиций.',
    },
    {
      title: 'Функционирование казахстанских курортов в Иссык-Кульской области',
      body: 'Обсуждено функционирование казахстанских курортов в Иссык-Кульской области. Профильные министерства двух республик рассмотрят данные вопросы.',
    },
    {
      title: 'Открыть сухопутные пункты пропуска в Казахстане для граждан Кыргызстана, вакцинированных от коронавируса',
      body:
        'Стороны затронули вопросы открытия сухопутных пунктов пропуска в Казахстане для граждан Кыргызстана, получивших вакцину от коронавирусной инфекции. ' +
        'Профильные министерства двух республик рассмотрят данные вопросы.',
      reports: ['Санитарные требования к пересечению сухопутной границы согласованы министерствами здравоохранения двух стран.'],
      finalReport: 'Сухопутные пункты пропуска открыты для граждан Кыргызстана, имеющих сертификат о вакцинации.',
    },
    {
      title: 'Принять участие в заседании Совета глав правительств ШОС в Астане',
      body:
        'Премьер-Министр Казахстана пригласил А. У. Жапарова на очередное заседание Совета глав правительств государств — членов Шанхайской организации сотрудничества, которое состоится в ноябре в Астане.',
    },
  ],
};

const KK_ORGANIZATIONS: Record<OrgKey, Named> = {
  cabinetKg: { name: 'Қырғыз Республикасының Министрлер Кабинеті', shortName: 'Министрлер Кабинеті (Қырғызстан)' },
  governmentKz: { name: 'Қазақстан Республикасының Үкіметі', shortName: 'Үкімет (Қазақстан)' },
  economyKg: { name: 'Қырғыз Республикасының Экономика және коммерция министрлігі', shortName: 'Экономика және коммерция министрлігі (Қырғызстан)' },
  energyKg: { name: 'Қырғыз Республикасының Энергетика министрлігі', shortName: 'Энергетика министрлігі (Қырғызстан)' },
  agricultureKg: { name: 'Қырғыз Республикасының Ауыл шаруашылығы министрлігі', shortName: 'Ауыл шаруашылығы министрлігі (Қырғызстан)' },
  cultureKg: {
    name: 'Қырғыз Республикасының Мәдениет, ақпарат, спорт және жастар саясаты министрлігі (Туризм департаменті)',
    shortName: 'Туризм департаменті (Қырғызстан)',
  },
  healthKg: { name: 'Қырғыз Республикасының Денсаулық сақтау министрлігі', shortName: 'Денсаулық сақтау министрлігі (Қырғызстан)' },
  borderKg: { name: 'Қырғыз Республикасы Ұлттық қауіпсіздік мемлекеттік комитетінің Шекара қызметі', shortName: 'Шекара қызметі (Қырғызстан)' },
  foreignKg: { name: 'Қырғыз Республикасының Сыртқы істер министрлігі', shortName: 'Сыртқы істер министрлігі (Қырғызстан)' },
  issykKul: { name: 'Ыстықкөл облысының әкімшілігі', shortName: 'Ыстықкөл облысы (Қырғызстан)' },
  tradeKz: { name: 'Қазақстан Республикасының Сауда және интеграция министрлігі', shortName: 'Сауда және интеграция министрлігі (Қазақстан)' },
  energyKz: { name: 'Қазақстан Республикасының Энергетика министрлігі', shortName: 'Энергетика министрлігі (Қазақстан)' },
  industryKz: { name: 'Қазақстан Республикасының Индустрия және инфрақұрылымдық даму министрлігі', shortName: 'Индустрия және инфрақұрылымдық даму министрлігі (Қазақстан)' },
  healthKz: { name: 'Қазақстан Республикасының Денсаулық сақтау министрлігі', shortName: 'Денсаулық сақтау министрлігі (Қазақстан)' },
  borderKz: { name: 'Қазақстан Республикасы Ұлттық қауіпсіздік комитетінің Шекара қызметі', shortName: 'Шекара қызметі (Қазақстан)' },
};

const KY_ORGANIZATIONS: Record<OrgKey, Named> = {
  cabinetKg: { name: 'Кыргыз Республикасынын Министрлер Кабинети', shortName: 'Министрлер Кабинети (Кыргызстан)' },
  governmentKz: { name: 'Казакстан Республикасынын Өкмөтү', shortName: 'Өкмөт (Казакстан)' },
  economyKg: { name: 'Кыргыз Республикасынын Экономика жана коммерция министрлиги', shortName: 'Экономика жана коммерция министрлиги (Кыргызстан)' },
  energyKg: { name: 'Кыргыз Республикасынын Энергетика министрлиги', shortName: 'Энергетика министрлиги (Кыргызстан)' },
  agricultureKg: { name: 'Кыргыз Республикасынын Айыл чарба министрлиги', shortName: 'Айыл чарба министрлиги (Кыргызстан)' },
  cultureKg: {
    name: 'Кыргыз Республикасынын Маданият, маалымат, спорт жана жаштар саясаты министрлиги (Туризм департаменти)',
    shortName: 'Туризм департаменти (Кыргызстан)',
  },
  healthKg: { name: 'Кыргыз Республикасынын Саламаттыкты сактоо министрлиги', shortName: 'Саламаттыкты сактоо министрлиги (Кыргызстан)' },
  borderKg: { name: 'Кыргыз Республикасынын Улуттук коопсуздук боюнча мамлекеттик комитетинин Чек ара кызматы', shortName: 'Чек ара кызматы (Кыргызстан)' },
  foreignKg: { name: 'Кыргыз Республикасынын Тышкы иштер министрлиги', shortName: 'Тышкы иштер министрлиги (Кыргызстан)' },
  issykKul: { name: 'Ысык-Көл облусунун администрациясы', shortName: 'Ысык-Көл облусу (Кыргызстан)' },
  tradeKz: { name: 'Казакстан Республикасынын Соода жана интеграция министрлиги', shortName: 'Соода жана интеграция министрлиги (Казакстан)' },
  energyKz: { name: 'Казакстан Республикасынын Энергетика министрлиги', shortName: 'Энергетика министрлиги (Казакстан)' },
  industryKz: { name: 'Казакстан Республикасынын Индустрия жана инфраструктуралык өнүктүрүү министрлиги', shortName: 'Индустрия жана инфраструктуралык өнүктүрүү министрлиги (Казакстан)' },
  healthKz: { name: 'Казакстан Республикасынын Саламаттыкты сактоо министрлиги', shortName: 'Саламаттыкты сактоо министрлиги (Казакстан)' },
  borderKz: { name: 'Казакстан Республикасынын Улуттук коопсуздук комитетинин Чек ара кызматы', shortName: 'Чек ара кызматы (Казакстан)' },
};

/**
 * Every demo organization's official name and short name in each language of the app: the seed
 * records all four, so boards, cards and reports show them in the interface language.
 */
export const DEMO_ORGANIZATION_NAMES: Readonly<Record<Language, Record<OrgKey, Named>>> = {
  en: EN.organizations,
  ru: RU.organizations,
  kk: KK_ORGANIZATIONS,
  ky: KY_ORGANIZATIONS,
};

/** The demo's words for an interface language: English, or Russian for the Russian, Kazakh and Kyrgyz interfaces. */
export function demoTexts(language: Language): DemoTexts {
  return language === 'en' ? EN : RU;
}
