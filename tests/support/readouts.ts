// Meeting readouts written for the tests, in English and Russian, beside the seed readout
// (../shared/seed/meeting-2021-11-05-kg-kz.txt, shipped as DEMO_READOUT).

/** The seed meeting as the Russian press release words it: the same eight instructions. */
export const RU_KG_KZ = "Председатель Кабинета Министров Кыргызской Республики Акылбек Жапаров 5 ноября 2021 года встретился с Премьер-Министром Республики Казахстан Аскаром Маминым на полях первого экономического форума «Европейский союз — Центральная Азия». Об этом сообщила пресс-служба Кабинета Министров.\n\nАкылбек Жапаров особо отметил, что президентами двух стран поставлена задача довести уровень товарооборота между республиками до 1 млрд долларов США. В текущем году зафиксирован системный рост товарооборота, положительная динамика привлечения инвестиций.\n\nВ ходе встречи стороны обсудили актуальные вопросы двустороннего сотрудничества в торгово-экономической, аграрной и энергетической сферах, в частности, вопросы поставки электроэнергии из Казахстана и транзита электроэнергии через его территорию.\n\nРуководителям профильных министерств дано поручение проработать данные вопросы.\n\nВ рамках встречи также были обсуждены вопросы строительства оптово-распределительных центров, создания индустриального торгово-логистического комплекса с привлечением казахстанских инвестиций, а также функционирования казахстанских курортов в Иссык-Кульской области. Кроме того, стороны затронули вопросы открытия сухопутных пунктов пропуска в Казахстане для граждан Кыргызстана, получивших вакцину от коронавирусной инфекции. Профильные министерства двух республик рассмотрят эти вопросы.\n\nПремьер-Министр Казахстана пригласил Акылбека Жапарова принять участие в очередном заседании Совета глав правительств государств — членов Шанхайской организации сотрудничества, которое состоится в ноябре в Астане.";

/** Talks with a deadline but no meeting date: the deadline must not become the date. */
export const EN_NO_DATE = "The Minister of Energy of the Kyrgyz Republic Taalaibek Ibraev held talks with the Minister of Energy of Uzbekistan Alisher Sultanov in Tashkent. The parties discussed the construction of the Kambarata HPP-1 and the supply of electricity in the autumn-winter period.\n\nThe ministers agreed to prepare a draft intergovernmental agreement on the Kambarata HPP-1 project by 1 March 2022. The Ministry of Energy was instructed to submit proposals on electricity exchange within a month.";

/** A courtesy call: discussion and interest, no instruction. */
export const EN_NO_INSTRUCTIONS = "On 12 March 2022 Prime Minister of Kazakhstan Alikhan Smailov met with the Ambassador of Japan to Kazakhstan Yasushi Takase in Astana. The parties discussed the current state and prospects of bilateral relations. The Ambassador noted the high level of cooperation and expressed interest in expanding trade. The Prime Minister thanked the Japanese side for its support (e.g. in the field of education) and wished Mr. Takase success.";

/** An internal meeting with instructions to named ministries, the deadline without a year. */
export const RU_NO_DATE = "Заместитель Председателя Кабинета Министров Эдиль Байсалов провел совещание по подготовке к туристическому сезону в г. Чолпон-Ата.\n\nМинистерству культуры, информации, спорта и молодежной политики поручено до 1 мая обеспечить готовность курортов Иссык-Кульской области. Министерству здравоохранения поручено проработать вопрос санитарного контроля на пунктах пропуска.";

/** A reception: views exchanged, interest expressed, nothing assigned. */
export const RU_NO_INSTRUCTIONS = "12 марта 2022 г. Министр иностранных дел Кыргызской Республики Руслан Казакбаев принял Посла Турции в Кыргызстане. Стороны обменялись мнениями по вопросам двустороннего сотрудничества, т.е. торговли, образования и культуры. Посол выразил заинтересованность в расширении торговли и поблагодарил за гостеприимство.";

/** Not a readout at all: a weather report (no date, no people, nothing to do). */
export const EN_NOT_A_READOUT = "Cloudy with light rain in the north. Winds from the west at 5 to 10 metres per second. Temperatures will be slightly below the seasonal average, and the mountain passes remain open.";

/** The same, in Russian. */
export const RU_NOT_A_READOUT = "Облачно, на севере небольшой дождь. Ветер западный, 5–10 м/с. Температура немного ниже сезонной нормы, т.е. около +5 градусов; горные перевалы открыты.";
