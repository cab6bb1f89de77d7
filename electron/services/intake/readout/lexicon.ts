// The dictionaries of the readout parser, English and Russian side by side: topics, the
// ministries and services that usually take an instruction on each, countries, and cities.

/** Topic codes of the store and the words that signal them, the most specific first: the first
 * topic a text touches decides which ministry is suggested to lead. */
export const TOPIC_PATTERNS: [code: string, pattern: RegExp][] = [
  ['energy', /electric|\bHPP\b|\bCHP\b|\benergy\b|power (?:plant|supply|grid|station)|hydropower|\bgas\b|\bcoal\b|\boil\b|\bfuel|электроэнерг|энергет|электричеств|(?<![\p{L}])газ|угол?ь|угля|нефт|топлив|(?<![\p{L}])гэс(?![\p{L}])|энергосистем/iu],
  ['checkpoints', /checkpoint|border crossing|crossing point|\bborders?\b|пункт\p{L}* пропуска|(?<![\p{L}])кпп(?![\p{L}])|границ|погранич/iu],
  ['health', /vaccin|\bhealth|coronavirus|covid|pandemic|medical|epidemi|sanitary|вакцин|здравоохран|коронавирус|ковид|пандеми|медицин|эпидеми|санитарн/iu],
  ['tourism', /touris|resort|recreation|sanator|\bhotels?\b|туризм|турист|курорт|отдых|санатор|здравниц|пансионат/iu],
  ['agriculture', /agricultur|\bfarm|\bcrops?\b|livestock|\bgrain|\bagro|сельск\p{L}* хозяйств|сельхоз|аграр|(?<![\p{L}])агро|зерн|животновод|фермер/iu],
  ['trade', /\btrade\b|\btrading\b|commerc|export|import|wholesale|\bmarkets?\b|товарооборот|торгов|экспорт|импорт|оптов|(?<![\p{L}])рын/iu],
  ['investment', /invest|инвест/iu],
  ['logistics', /logistic|transit|transport|railway|\broads?\b|cargo|freight|distribution cent|warehous|логист|транзит|транспорт|железнодорож|автодорог|(?<![\p{L}])груз|склад|распределительн/iu],
  ['international', /\bSCO\b|shanghai cooperation|\bCIS\b|\bEAEU\b|eurasian economic union|\bsummit|council of heads|(?<![\p{L}])шос(?![\p{L}])|шанхайск|(?<![\p{L}])снг(?![\p{L}])|еаэс|евразийск\p{L}* экономическ|саммит|совет\p{L}* глав/iu],
];

export interface Role {
  key: string;
  names: { en: string; ru: string };
  /** Recognises the role in an organization's name in the store, in either language. */
  pattern: RegExp;
  /** Recognises a readout naming the body itself, where `pattern` is too broad for running text. */
  mention?: RegExp;
  /** Topics for which this body usually leads. */
  topics: string[];
}

export const ROLES: Role[] = [
  { key: 'energy', names: { en: 'Ministry of Energy', ru: 'Министерство энергетики' }, pattern: /ministry of energy|министерств\p{L}* энергетики|минэнерго/iu, topics: ['energy'] },
  {
    key: 'economy',
    names: { en: 'Ministry of Economy and Commerce', ru: 'Министерство экономики и коммерции' },
    pattern: /ministry of (?:the )?econom|министерств\p{L}* (?:национальной )?экономик|минэконом/iu,
    topics: ['trade', 'investment'],
  },
  { key: 'trade', names: { en: 'Ministry of Trade', ru: 'Министерство торговли' }, pattern: /ministry of trade|министерств\p{L}* торговл|минторг/iu, topics: ['trade'] },
  {
    key: 'agriculture',
    names: { en: 'Ministry of Agriculture', ru: 'Министерство сельского хозяйства' },
    pattern: /ministry of agricultur|министерств\p{L}* сельского хозяйства|минсельхоз/iu,
    topics: ['agriculture'],
  },
  { key: 'tourism', names: { en: 'Department of Tourism', ru: 'Департамент туризма' }, pattern: /touris|туризм/iu, mention: /(?:department|ministry|agency) of tourism|(?:департамент|министерств|агентств)\p{L}* (?:по )?туризм/iu, topics: ['tourism'] },
  { key: 'health', names: { en: 'Ministry of Health', ru: 'Министерство здравоохранения' }, pattern: /ministry of health|министерств\p{L}* здравоохранения|минздрав/iu, topics: ['health'] },
  { key: 'border', names: { en: 'Border Service', ru: 'Пограничная служба' }, pattern: /border (?:service|guard)|пограничн/iu, mention: /border (?:service|guard)|пограничн\p{L}* (?:служб|войск)/iu, topics: ['checkpoints'] },
  {
    key: 'transport',
    names: { en: 'Ministry of Transport', ru: 'Министерство транспорта' },
    pattern: /ministry of transport|ministry of industry and infrastructure|министерств\p{L}* транспорт|министерств\p{L}* индустрии и инфраструктур/iu,
    topics: ['logistics'],
  },
  {
    key: 'foreign',
    names: { en: 'Ministry of Foreign Affairs', ru: 'Министерство иностранных дел' },
    pattern: /foreign affairs|иностранных дел|(?<![\p{L}])мид(?![\p{L}])/iu,
    topics: ['international'],
  },
];

export const COUNTRIES: { key: string; pattern: RegExp }[] = [
  { key: 'Kyrgyzstan', pattern: /kyrgyz|кыргыз|киргиз|қырғыз/iu },
  { key: 'Kazakhstan', pattern: /kazakh|казах|қазақ/iu },
  { key: 'Uzbekistan', pattern: /uzbek|узбек|өзбек/iu },
  { key: 'Tajikistan', pattern: /tajik|таджик|тәжік/iu },
  { key: 'Turkmenistan', pattern: /turkmen|туркмен|түрікмен/iu },
  { key: 'Russia', pattern: /russia|росси|ресей/iu },
  { key: 'China', pattern: /china|chinese|китай|кнр|қытай/iu },
];

export function countryOf(text: string): string | null {
  for (const c of COUNTRIES) if (c.pattern.test(text)) return c.key;
  return null;
}

/** Russian locative forms of the region's cities (`в Астане` → Астана). */
export const CITY_LOCATIVES: Record<string, string> = {
  Астане: 'Астана',
  Бишкеке: 'Бишкек',
  Алматы: 'Алматы',
  Ташкенте: 'Ташкент',
  Душанбе: 'Душанбе',
  Москве: 'Москва',
  Оше: 'Ош',
  'Чолпон-Ате': 'Чолпон-Ата',
  'Нур-Султане': 'Нур-Султан',
  Туркестане: 'Туркестан',
  Шымкенте: 'Шымкент',
  Караганде: 'Караганда',
  Ашхабаде: 'Ашхабад',
  Пекине: 'Пекин',
  Минске: 'Минск',
  Баку: 'Баку',
  Самарканде: 'Самарканд',
  Караколе: 'Каракол',
  Таразе: 'Тараз',
  Брюсселе: 'Брюссель',
};

/** Words that belong to titles, bodies and places, never to a person's name. */
export const NOT_A_NAME =
  /^(?:republic|kyrgyz|kyrgyzstan|kazakh|kazakhstan|cabinet|ministers?|ministry|government|council|federation|union|central|asia|european|organization|shanghai|cooperation|state|states|national|parliament|committee|service|agency|bank|fund|security|president|prime|chairman|deputy|first|the|of|and|uzbekistan|tajikistan|russia|china|turkmenistan|press|office|administration|region|city|республик\p{L}*|кыргыз\p{L}*|киргиз\p{L}*|казах\p{L}*|кабинет\p{L}*|министр\p{L}*|министерств\p{L}*|правительств\p{L}*|совет\p{L}*|федераци\p{L}*|союз\p{L}*|организаци\p{L}*|шанхайск\p{L}*|государств\p{L}*|парламент\p{L}*|жогорку|кенеш\p{L}*|мажилис\p{L}*|сенат\p{L}*|администраци\p{L}*|комитет\p{L}*|служб\p{L}*|агентств\p{L}*|банк\p{L}*|фонд\p{L}*|узбек\p{L}*|таджик\p{L}*|росси\p{L}*|туркмен\p{L}*|китай\p{L}*|европ\p{L}*|азии|азия|президент\p{L}*|премьер\p{L}*|председател\p{L}*|национальн\p{L}*|безопасност\p{L}*|области|район\p{L}*|города?)$/iu;
