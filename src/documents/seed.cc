// Reference data: the resolutions CWG-Internet works under, and the Council 2022 documents of
// the summary record (seed 000) as demo documents.
#include <string_view>

#include <fmt/format.h>

#include "documents/documents.h"
#include "documents/resolutions.h"

namespace plenary::documents {

namespace json = boost::json;
using storage::Connection;

namespace {

json::value Names(std::initializer_list<std::pair<const char*, const char*>> names) {
  json::object o;
  for (const auto& [k, v] : names) o[k] = v;
  return o;
}

// Conference venues in the six languages (spellings of ITU's own documents).
json::value Place(const std::string& en) {
  if (en == "Minneapolis")
    return Names({{"en", "Minneapolis"}, {"fr", "Minneapolis"}, {"es", "Minneápolis"},
                  {"zh", "明尼阿波利斯"}, {"ru", "Миннеаполис"}, {"ar", "مينيابوليس"}});
  if (en == "Marrakesh")
    return Names({{"en", "Marrakesh"}, {"fr", "Marrakech"}, {"es", "Marrakech"},
                  {"zh", "马拉喀什"}, {"ru", "Марракеш"}, {"ar", "مراكش"}});
  if (en == "Antalya")
    return Names({{"en", "Antalya"}, {"fr", "Antalya"}, {"es", "Antalya"}, {"zh", "安塔利亚"},
                  {"ru", "Анталья"}, {"ar", "أنطاليا"}});
  if (en == "Guadalajara")
    return Names({{"en", "Guadalajara"}, {"fr", "Guadalajara"}, {"es", "Guadalajara"},
                  {"zh", "瓜达拉哈拉"}, {"ru", "Гвадалахара"}, {"ar", "غوادالاخارا"}});
  if (en == "Busan")
    return Names({{"en", "Busan"}, {"fr", "Busan"}, {"es", "Busan"}, {"zh", "釜山"},
                  {"ru", "Пусан"}, {"ar", "بوسان"}});
  if (en == "Dubai")
    return Names({{"en", "Dubai"}, {"fr", "Dubaï"}, {"es", "Dubái"}, {"zh", "迪拜"},
                  {"ru", "Дубай"}, {"ar", "دبي"}});
  return json::value();  // the Council: no place
}

// Versions as "place year" pairs, the first the adoption, the others revisions.
std::vector<RevisionInput> History(std::initializer_list<std::pair<const char*, int>> versions) {
  std::vector<RevisionInput> out;
  bool first = true;
  for (const auto& [place, year] : versions) {
    out.push_back({year, Place(place), !first});
    first = false;
  }
  return out;
}

struct Seed {
  const char* instrument;
  int number;
  const char* en;
  const char* zh;
  std::vector<RevisionInput> revisions;
};


// The resolutions' titles in French, Spanish, Russian and Arabic. Which titles (here and in
// `seeds` below) are confirmed against ITU's own texts, which were corrected from them and which
// could not be checked: docs/LANGUAGE.md, "The demo's resolution titles".
struct OtherResolutionTitles {
  const char* instrument;
  int number;
  const char* fr;
  const char* es;
  const char* ru;
  const char* ar;
};
constexpr OtherResolutionTitles kOtherResolutionTitles[] = {
    {"pp", 101, "Réseaux fondés sur le protocole Internet", "Redes basadas en el protocolo Internet",
     "Сети, основанные на протоколе Интернет", "الشبكات القائمة على بروتوكول الإنترنت"},
    {"pp", 102,
     "Rôle de l’UIT concernant les questions de politiques publiques internationales ayant trait à l’Internet et à la gestion des ressources de l’Internet, y compris les noms de domaine et les adresses",
     "Función de la UIT con respecto a las cuestiones de política pública internacional relacionadas con Internet y la gestión de los recursos de Internet, incluidos los nombres de dominio y las direcciones",
     "Роль МСЭ в отношении вопросов международной государственной политики, касающихся Интернета и управления ресурсами Интернета, включая наименования доменов и адреса",
     "دور الاتحاد الدولي للاتصالات فيما يتعلق بقضايا السياسات العامة الدولية الخاصة بالإنترنت وإدارة موارد الإنترنت، بما في ذلك أسماء الميادين والعناوين"},
    {"pp", 130,
     "Renforcer le rôle de l’UIT dans l’instauration de la confiance et de la sécurité dans l’utilisation des technologies de l’information et de la communication",
     "Fortalecimiento del papel de la UIT en la creación de confianza y seguridad en la utilización de las tecnologías de la información y la comunicación",
     "Усиление роли МСЭ в укреплении доверия и безопасности при использовании информационно-коммуникационных технологий",
     "تعزيز دور الاتحاد في مجال بناء الثقة والأمن في استخدام تكنولوجيا المعلومات والاتصالات"},
    {"pp", 133,
     "Rôle des administrations des États Membres dans la gestion des noms de domaine (multilingues) internationalisés",
     "Función de las Administraciones de los Estados Miembros en la gestión de los nombres de dominio internacionalizados (plurilingües)",
     "Роль администраций Государств-Членов в управлении интернационализированными (многоязычными) наименованиями доменов",
     "دور إدارات الدول الأعضاء في إدارة أسماء الميادين الدولية الطابع (المتعددة اللغات)"},
    {"pp", 140,
     "Rôle de l’UIT dans la mise en œuvre des résultats du Sommet mondial sur la société de l’information et du Programme de développement durable à l’horizon 2030, ainsi que dans les processus de suivi et d’examen de leur mise en œuvre",
     "Función de la UIT en la aplicación de los resultados de la Cumbre Mundial sobre la Sociedad de la Información y de la Agenda 2030 para el Desarrollo Sostenible, así como en sus procesos de seguimiento y examen",
     "Роль МСЭ в выполнении решений Всемирной встречи на высшем уровне по вопросам информационного общества и Повестки дня в области устойчивого развития на период до 2030 года, а также в процессах их последующей деятельности и обзора",
     "دور الاتحاد الدولي للاتصالات في تنفيذ نتائج القمة العالمية لمجتمع المعلومات وخطة التنمية المستدامة لعام 2030، وكذلك في عمليات متابعتها واستعراضها"},
    {"pp", 174,
     "Rôle de l’UIT concernant les questions de politiques publiques internationales relatives au risque d’utilisation illicite des technologies de l’information et de la communication",
     "Función de la UIT en relación con las cuestiones de política pública internacional relativas al riesgo de utilización ilícita de las tecnologías de la información y la comunicación",
     "Роль МСЭ в отношении вопросов международной государственной политики, касающихся риска незаконного использования информационно-коммуникационных технологий",
     "دور الاتحاد الدولي للاتصالات فيما يتعلق بقضايا السياسات العامة الدولية المتصلة بخطر الاستعمال غير المشروع لتكنولوجيا المعلومات والاتصالات"},
    {"pp", 180,
     "Promouvoir le déploiement et l’adoption du protocole IPv6 pour faciliter la transition du protocole IPv4 vers le protocole IPv6",
     "Fomento del despliegue y la adopción del IPv6 para facilitar la transición del IPv4 al IPv6",
     "Содействие внедрению и принятию IPv6 для облегчения перехода от IPv4 к IPv6",
     "تشجيع نشر واعتماد الإصدار السادس من بروتوكول الإنترنت (IPv6) لتيسير الانتقال من الإصدار الرابع (IPv4) إلى الإصدار السادس"},
    {"pp", 186,
     "Renforcement du rôle de l’UIT concernant les mesures de transparence et de confiance relatives aux activités spatiales",
     "Fortalecimiento del papel de la UIT con respecto a las medidas de transparencia y fomento de la confianza en las actividades relativas al espacio ultraterrestre",
     "Усиление роли МСЭ в отношении мер по обеспечению транспарентности и укреплению доверия в космической деятельности",
     "تعزيز دور الاتحاد الدولي للاتصالات فيما يتعلق بتدابير الشفافية وبناء الثقة في أنشطة الفضاء الخارجي"},
    {"pp", 206, "OTT", "OTT", "OTT", "خدمات OTT"},
    {"council", 1305,
     "Rôle du Groupe spécialisé sur les questions de politiques publiques internationales relatives à l’Internet",
     "Función del Grupo Especializado sobre cuestiones de política pública internacional relacionadas con Internet",
     "Роль Специализированной группы по вопросам международной государственной политики, касающимся Интернета",
     "دور الفريق المخصص المعني بقضايا السياسات العامة الدولية المتعلقة بالإنترنت"},
    {"council", 1336,
     "Groupe de travail du Conseil sur les questions de politiques publiques internationales relatives à l’Internet",
     "Grupo de Trabajo del Consejo sobre cuestiones de política pública internacional relacionadas con Internet",
     "Рабочая группа Совета по вопросам международной государственной политики, касающимся Интернета",
     "فريق العمل التابع للمجلس المعني بقضايا السياسات العامة الدولية المتعلقة بالإنترنت"},
    {"council", 1344,
     "Modalités de consultation ouverte pour le Groupe de travail du Conseil sur les questions de politiques publiques internationales relatives à l’Internet (GTC-Internet)",
     "Modalidades de consulta abierta para el Grupo de Trabajo del Consejo sobre cuestiones de política pública internacional relacionadas con Internet (GTC-Internet)",
     "Методы проведения открытых консультаций для Рабочей группы Совета по вопросам международной государственной политики, касающимся Интернета (РГС-Интернет)",
     "طرائق المشاورة المفتوحة لفريق العمل التابع للمجلس المعني بقضايا السياسات العامة الدولية المتعلقة بالإنترنت (CWG-Internet)"},
};
}  // namespace

Status LoadRegistry(Connection& c) {
  // Registry as at the Council's 2022 session (before PP-22 in Bucharest revised several).
  const std::vector<Seed> seeds = {
      {"pp", 101, "Internet Protocol-based networks", "基于互联网协议（IP）的网络",
       History({{"Minneapolis", 1998}, {"Marrakesh", 2002}, {"Antalya", 2006},
                {"Guadalajara", 2010}, {"Busan", 2014}, {"Dubai", 2018}})},
      {"pp", 102,
       "ITU's role with regard to international public policy issues pertaining to the Internet "
       "and the management of Internet resources, including domain names and addresses",
       "国际电联在有关互联网和互联网资源（包括域名和地址）管理的国际公共政策问题方面的作用",
       History({{"Minneapolis", 1998}, {"Marrakesh", 2002}, {"Antalya", 2006},
                {"Guadalajara", 2010}, {"Busan", 2014}, {"Dubai", 2018}})},
      {"pp", 130,
       "Strengthening the role of ITU in building confidence and security in the use of "
       "information and communication technologies",
       "加强国际电联在树立使用信息通信技术的信心和提高安全性方面的作用",
       History({{"Antalya", 2006}, {"Guadalajara", 2010}, {"Busan", 2014}, {"Dubai", 2018}})},
      {"pp", 133,
       "Roles of administrations of Member States in the management of internationalized "
       "(multilingual) domain names",
       "成员国主管部门在国际化（多语文）域名管理中的作用",
       History({{"Antalya", 2006}, {"Guadalajara", 2010}, {"Busan", 2014}, {"Dubai", 2018}})},
      {"pp", 140,
       "ITU's role in implementing the outcomes of the World Summit on the Information Society "
       "and the 2030 Agenda for Sustainable Development, as well as in their follow-up and "
       "review processes",
       "国际电联在落实信息社会世界峰会成果和2030年可持续发展议程及其后续行动和审查进程中的作用",
       History({{"Antalya", 2006}, {"Guadalajara", 2010}, {"Busan", 2014}, {"Dubai", 2018}})},
      {"pp", 174,
       "ITU's role with regard to international public policy issues relating to the risk of "
       "illicit use of information and communication technologies",
       "国际电联在与非法使用信息通信技术的风险相关的国际公共政策问题方面的作用",
       History({{"Guadalajara", 2010}, {"Busan", 2014}})},
      {"pp", 180,
       "Promoting deployment and adoption of IPv6 to facilitate the transition from IPv4 to IPv6",
       "推动IPv6的部署和采用，以促进从IPv4向IPv6的过渡",
       History({{"Guadalajara", 2010}, {"Busan", 2014}, {"Dubai", 2018}})},
      {"pp", 186,
       "Strengthening the role of ITU with regard to transparency and confidence-building "
       "measures in outer space activities",
       "加强国际电联在外层空间活动的透明度和建立信任措施方面的作用",
       History({{"Busan", 2014}, {"Dubai", 2018}})},
      {"pp", 206, "OTTs", "OTT", History({{"Dubai", 2018}})},
      {"council", 1305,
       "Role of the Dedicated Group on international Internet-related public policy issues",
       "互联网相关国际公共政策问题专门工作组的作用", History({{"", 2009}, {"", 2019}})},
      {"council", 1336,
       "Council Working Group on international Internet-related public policy issues",
       "理事会国际互联网相关公共政策问题工作组", History({{"", 2011}, {"", 2019}})},
      {"council", 1344,
       "Modalities of open consultation for the Council Working Group on International "
       "Internet-related Public Policy Issues (CWG-Internet)",
       "理事会国际互联网相关公共政策问题工作组（CWG-Internet）的公开磋商方式",
       History({{"", 2012}, {"", 2015}})},
  };
  for (const auto& s : seeds) {
    // Idempotent: what is registered already is left as it is.
    if (c.QueryInt("SELECT 1 FROM resolutions WHERE instrument = ? AND number = ?",
                   std::string(s.instrument), static_cast<std::int64_t>(s.number)))
      continue;
    ResolutionInput in;
    in.instrument = s.instrument;
    in.number = s.number;
    in.title = Names({{"en", s.en}, {"zh", s.zh}});
    for (const auto& t : kOtherResolutionTitles) {
      if (std::string_view(t.instrument) != s.instrument || t.number != s.number) continue;
      in.title.as_object()["fr"] = t.fr;
      in.title.as_object()["es"] = t.es;
      in.title.as_object()["ru"] = t.ru;
      in.title.as_object()["ar"] = t.ar;
    }
    in.revisions = s.revisions;
    if (s.number == 1344) {
      // The Council's 2019 session merged it into Resolution 1336 and abrogated it (C22/51 §1.3).
      in.status = "merged";
      in.merged_into = ResolutionRef{"council", 1336};
      in.status_year = 2019;
    }
    auto r = CreateResolutionOn(c, std::nullopt, in);
    if (!r.ok()) return r.error();
  }
  return Ok{};
}

namespace {

const char kC22_51_zh[] =
    "理事会国际互联网相关公共政策问题工作组（CWG-Internet）主席的报告\n\n"
    "概要\n"
    "本报告总结根据2018年全权代表大会（PP-18）第102号决议（2018年，迪拜，修订版）、第140号决议"
    "（2018年，迪拜，修订版）和理事会第1305号决议（2019年，修订版）和第1336号决议（2019年，修订版）"
    "于2021年9月23日和2022年1月19-20日召开的理事会国际互联网相关公共政策问题工作组（CWG-Internet）"
    "第十六次会议和第十七次会议的主要结果。\n\n"
    "需采取的行动\n"
    "请理事会将本报告记录在案。\n\n"
    "参考文件\n"
    "第102号决议（2018年，迪拜，修订版）、第140号决议（2018年，迪拜，修订版）；"
    "理事会第1305号决议（2019年，修订版）和第1336号决议（2019年，修订版）\n\n"
    // Its introduction as published (testdata/seeds/001_*): §1.3 cites Council Resolution 1344.
    "1\t引言\n"
    "1.1\t理事会通过第1336号决议（2019年，修订版）按照国际电联全权代表大会第102号和140号决议"
    "（2018年，迪拜，修订版）成立了国际电联理事会国际互联网相关公共政策问题工作组（CWG-Internet）。"
    "CWG-Internet工作组仅对成员国开放，与所有利益攸关方进行公开磋商。\n"
    "1.2\t理事会第1336号决议（2019年，修订版）规定，CWG-Internet工作组的职责范围是确定、研究和推进"
    "与国际互联网相关公共政策问题相关事宜，包括理事会第1305号决议（2019年，修订版）确定的议题，"
    "并酌情：\n"
    "a)\t向国际电联所有成员并向所有相关国际组织和积极参与上述活动的利益攸关方传播研究成果，"
    "供其在决策过程时考虑；\n"
    "b)\t审议并讨论秘书长和各局主任为落实第102号决议（2018年，迪拜，修订版）所开展的活动并酌情为"
    "上述活动准备输入文件；\n"
    "c)\t以公开和包容方式启动并开展与所有利益攸关方的公开咨询；并将公开咨询结果向理事会工作组介绍，"
    "供其在讨论中考虑。\n"
    "1.3\t全权代表大会第102号决议（2018年，迪拜，修订版）责成理事会修订第1344号决议，指导仅限成员国"
    "参加、与所有利益攸关方进行公开磋商的理事会国际互联网相关公共政策问题工作组根据决议所述指导原则"
    "进行公开磋商。为了精简理事会在这方面的决议，理事会2019年会议决定修改第1336号决议，以纳入第1344号"
    "决议的内容，并废止第1344号决议。\n"
    "1.4\t理事会第1336号决议（2019年，修订版）为CWG-Internet确定了公开磋商的工作模式。\n";

const char kC22_DT_5_en[] =
    "ILLUSTRATIVE DEMO FILE - not an ITU document.\n\n"
    "Informal consultations on the pending paragraphs of the draft guidelines in Document "
    "C22/32(Rev.1): compilation of proposals.\n\n"
    "This file stands for a document restricted to Member States. Only the secretariat and "
    "Member State delegates can see that it exists.\n";

// The titles of the demo documents in French, Spanish, Russian and Arabic. Where a document's
// Chinese title is its agenda item's in the summary record (seed 000), these are the item's titles
// of src/demo/council2022.json, so that both read the same; the others (C22/71, C22/87, C22/DT/5)
// are translations of their Chinese title in the terms of those items and of the glossary
// (web/messages/glossary.json: summary record, plenary meeting, session).
struct OtherTitles {
  const char* symbol;
  const char* fr;
  const char* es;
  const char* ru;
  const char* ar;
};
constexpr OtherTitles kOtherTitles[] = {
    {"C22/8",
     "Rapport sur les résultats des activités du Groupe de travail du Conseil sur le SMSI et les ODD (GTC-SMSI&ODD) depuis la session de 2021 du Conseil",
     "Informe sobre los resultados de las actividades del Grupo de Trabajo del Consejo sobre la CMSI y los ODS (GTC-CMSI&ODS) desde la reunión de 2021 del Consejo",
     "Отчет о результатах деятельности Рабочей группы Совета по ВВУИО и ЦУР (РГС-ВВУИО&ЦУР) после сессии Совета 2021 года",
     "تقرير عن نتائج أنشطة فريق العمل التابع للمجلس المعني بالقمة العالمية لمجتمع المعلومات وأهداف التنمية المستدامة (CWG-WSIS&SDG) منذ دورة المجلس لعام 2021"},
    {"C22/18",
     "Activités de l’UIT visant à renforcer son rôle dans l’instauration de la confiance et de la sécurité dans l’utilisation des technologies de l’information et de la communication (TIC)",
     "Actividades de la UIT destinadas a fortalecer su función en la creación de confianza y seguridad en la utilización de las tecnologías de la información y la comunicación (TIC)",
     "Деятельность МСЭ по усилению его роли в укреплении доверия и безопасности при использовании информационно-коммуникационных технологий (ИКТ)",
     "أنشطة الاتحاد المتعلقة بتعزيز دوره في بناء الثقة والأمن في استعمال تكنولوجيا المعلومات والاتصالات"},
    {"C22/18(Rev.1)",
     "Activités de l’UIT visant à renforcer son rôle dans l’instauration de la confiance et de la sécurité dans l’utilisation des technologies de l’information et de la communication (TIC)",
     "Actividades de la UIT destinadas a fortalecer su función en la creación de confianza y seguridad en la utilización de las tecnologías de la información y la comunicación (TIC)",
     "Деятельность МСЭ по усилению его роли в укреплении доверия и безопасности при использовании информационно-коммуникационных технологий (ИКТ)",
     "أنشطة الاتحاد المتعلقة بتعزيز دوره في بناء الثقة والأمن في استعمال تكنولوجيا المعلومات والاتصالات"},
    {"C22/32",
     "Lignes directrices pour l’utilisation du Programme mondial cybersécurité (GCA) par l’UIT",
     "Directrices para la utilización de la Agenda sobre Ciberseguridad Global (GCA) por la UIT",
     "Руководящие указания по использованию Глобальной программы кибербезопасности (ГПК) МСЭ",
     "المبادئ التوجيهية لاستعمال الاتحاد للبرنامج العالمي للأمن السيبراني (GCA)"},
    {"C22/32(Rev.1)",
     "Lignes directrices pour l’utilisation du Programme mondial cybersécurité (GCA) par l’UIT",
     "Directrices para la utilización de la Agenda sobre Ciberseguridad Global (GCA) por la UIT",
     "Руководящие указания по использованию Глобальной программы кибербезопасности (ГПК) МСЭ",
     "المبادئ التوجيهية لاستعمال الاتحاد للبرنامج العالمي للأمن السيبراني (GCA)"},
    {"C22/33",
     "Activités de l’UIT relatives à l’Internet : Résolutions 101, 102, 133, 180 et 206",
     "Actividades de la UIT relacionadas con Internet: Resoluciones 101, 102, 133, 180 y 206",
     "Деятельность МСЭ, связанная с Интернетом: Резолюции 101, 102, 133, 180 и 206",
     "أنشطة الاتحاد المتعلقة بالإنترنت: القرارات 101 و102 و133 و180 و206"},
    {"C22/51",
     "Rapport du Président du Groupe de travail du Conseil sur les questions de politiques publiques internationales relatives à l’Internet (GTC-Internet)",
     "Informe del Presidente del Grupo de Trabajo del Consejo sobre cuestiones de política pública internacional relacionadas con Internet (GTC-Internet)",
     "Отчет Председателя Рабочей группы Совета по вопросам международной государственной политики, касающимся Интернета (РГС-Интернет)",
     "تقرير رئيس فريق العمل التابع للمجلس المعني بقضايا السياسات العامة الدولية المتعلقة بالإنترنت (CWG-Internet)"},
    {"C22/58",
     "Rapport quadriennal du Groupe de travail du Conseil sur les questions de politiques publiques internationales relatives à l’Internet (GTC-Internet)",
     "Informe cuadrienal del Grupo de Trabajo del Consejo sobre cuestiones de política pública internacional relacionadas con Internet (GTC-Internet)",
     "Четырехгодичный отчет Рабочей группы Совета по вопросам международной государственной политики, касающимся Интернета (РГС-Интернет)",
     "تقرير السنوات الأربع المقدَّم من فريق العمل التابع للمجلس المعني بقضايا السياسات العامة الدولية المتعلقة بالإنترنت (CWG-Internet)"},
    {"C22/60",
     "Rapport sur les résultats de quatre années d’activités du GTC-SMSI&ODD depuis la Conférence de plénipotentiaires de 2018 (PP-18)",
     "Informe sobre los resultados de cuatro años de actividades del GTC-CMSI&ODS desde la Conferencia de Plenipotenciarios de 2018 (PP-18)",
     "Отчет о результатах четырехлетней деятельности РГС-ВВУИО&ЦУР после Полномочной конференции 2018 года (ПК-18)",
     "تقرير عن نتائج أربع سنوات من أنشطة فريق العمل CWG-WSIS&SDG منذ مؤتمر المندوبين المفوضين لعام 2018 (PP-18)"},
    {"C22/71",
     "Proposition relative à l’adoption des lignes directrices pour l’utilisation du Programme mondial cybersécurité (GCA) par l’UIT",
     "Propuesta sobre la adopción de las directrices para la utilización de la Agenda sobre Ciberseguridad Global (GCA) por la UIT",
     "Предложение о принятии Руководящих указаний по использованию Глобальной программы кибербезопасности (ГПК) МСЭ",
     "اقتراح بشأن اعتماد المبادئ التوجيهية لاستعمال الاتحاد للبرنامج العالمي للأمن السيبراني (GCA)"},
    {"C22/87",
     "Compte rendu analytique d’une séance plénière de la session de 2022 du Conseil",
     "Acta resumida de una sesión plenaria de la reunión de 2022 del Consejo",
     "Краткий отчет о пленарном заседании сессии Совета 2022 года",
     "المحضر الموجز لجلسة عامة من جلسات دورة المجلس لعام 2022"},
    {"C22/DT/5",
     "Consultations informelles sur les paragraphes en suspens du projet de lignes directrices figurant dans le Document C22/32(Rev.1) : compilation des propositions",
     "Consultas informales sobre los párrafos pendientes del proyecto de directrices del Documento C22/32(Rev.1): compilación de propuestas",
     "Неофициальные консультации по нерешенным пунктам проекта руководящих указаний, содержащегося в Документе C22/32(Rev.1): подборка предложений",
     "مشاورات غير رسمية بشأن الفقرات المعلقة من مشروع المبادئ التوجيهية الوارد في الوثيقة C22/32(Rev.1): تجميع للاقتراحات"},
};


// The summaries of the demo documents in French, Spanish, Russian and Arabic, translated from
// their English and Chinese ones in the terms of the agenda items and of the record
// (src/demo/council2022.json); C22/87's lists the record's items as their titles read there.
constexpr OtherTitles kOtherSummaries[] = {
    {"C22/8",
     "Principaux résultats des 37e et 38e réunions du Groupe.",
     "Principales resultados de las reuniones 37ª y 38ª del Grupo.",
     "Основные результаты 37-го и 38-го собраний Группы.",
     "النتائج الرئيسية للاجتماعين السابع والثلاثين والثامن والثلاثين للفريق."},
    {"C22/18",
     "Récapitulatif des activités menées par l’UIT au titre de la Résolution 130 (Rév. Dubaï, 2018) de la Conférence de plénipotentiaires, du rôle de l’UIT en tant que seul coordonnateur de la grande orientation C5 du SMSI et d’autres décisions des membres visant à renforcer le rôle de l’UIT dans l’instauration de la confiance et de la sécurité dans l’utilisation des TIC.",
     "Resumen de las actividades de la UIT en virtud de la Resolución 130 (Rev. Dubái, 2018) de la Conferencia de Plenipotenciarios, de la función de la UIT como único facilitador de la Línea de Acción C5 de la CMSI y de otras decisiones de los miembros sobre el fortalecimiento del papel de la UIT en la creación de confianza y seguridad en la utilización de las TIC.",
     "Краткое изложение деятельности МСЭ в рамках Резолюции 130 (Пересм. Дубай, 2018 г.) Полномочной конференции, роли МСЭ как единственного координатора направления деятельности С5 ВВУИО и других решений членов, касающихся усиления роли МСЭ в укреплении доверия и безопасности при использовании ИКТ.",
     "ملخص لأنشطة الاتحاد بموجب القرار 130 (المراجَع في دبي، 2018) لمؤتمر المندوبين المفوضين، ولدور الاتحاد بوصفه الميسِّر الوحيد لخط العمل C5 للقمة العالمية لمجتمع المعلومات، ولغير ذلك من قرارات الأعضاء بشأن تعزيز دور الاتحاد في بناء الثقة والأمن في استعمال تكنولوجيا المعلومات والاتصالات."},
    {"C22/32",
     "Projet de lignes directrices pour l’utilisation du GCA par l’UIT.",
     "Proyecto de directrices para la utilización de la GCA por la UIT.",
     "Проект руководящих указаний по использованию ГПК МСЭ.",
     "مشروع المبادئ التوجيهية لاستعمال الاتحاد للبرنامج العالمي للأمن السيبراني."},
    {"C22/33",
     "Aperçu des activités de l’UIT relatives à l’Internet au titre des Résolutions 101, 102, 133 et 180 (Rév. Dubaï, 2018) et de la Résolution 206 (Dubaï, 2018) de la Conférence de plénipotentiaires. Une version plus longue et plus détaillée du rapport a été soumise au GTC-Internet en 2022.",
     "Panorama general de las actividades de la UIT relacionadas con Internet en virtud de las Resoluciones 101, 102, 133 y 180 (Rev. Dubái, 2018) y de la Resolución 206 (Dubái, 2018) de la Conferencia de Plenipotenciarios. En 2022 se presentó al GTC-Internet una versión más extensa y detallada del informe.",
     "Обзор деятельности МСЭ, связанной с Интернетом, в рамках Резолюций 101, 102, 133 и 180 (Пересм. Дубай, 2018 г.) и Резолюции 206 (Дубай, 2018 г.) Полномочной конференции. Более обширный и подробный вариант отчета был представлен РГС-Интернет в 2022 году.",
     "لمحة عامة عن أنشطة الاتحاد المتعلقة بالإنترنت بموجب القرارات 101 و102 و133 و180 (المراجَعة في دبي، 2018) والقرار 206 (دبي، 2018) لمؤتمر المندوبين المفوضين. وقد قُدمت صيغة أطول وأكثر تفصيلًا من التقرير إلى فريق العمل CWG-Internet في عام 2022."},
    {"C22/51",
     "Principaux résultats des 16e et 17e réunions du GTC-Internet, tenues le 23 septembre 2021 et les 19 et 20 janvier 2022 conformément aux Résolutions 102 et 140 (Rév. Dubaï, 2018) de la Conférence de plénipotentiaires de 2018 (PP-18) et aux Résolutions 1305 et 1336 (Rév. 2019) du Conseil.",
     "Principales resultados de las reuniones 16ª y 17ª del GTC-Internet, celebradas el 23 de septiembre de 2021 y los días 19 y 20 de enero de 2022 de conformidad con las Resoluciones 102 y 140 (Rev. Dubái, 2018) de la Conferencia de Plenipotenciarios de 2018 (PP-18) y las Resoluciones 1305 y 1336 (Rev. 2019) del Consejo.",
     "Основные результаты 16-го и 17-го собраний РГС-Интернет, проведенных 23 сентября 2021 года и 19–20 января 2022 года в соответствии с Резолюциями 102 и 140 (Пересм. Дубай, 2018 г.) Полномочной конференции 2018 года (ПК-18) и Резолюциями 1305 и 1336 (Пересм. 2019 г.) Совета.",
     "النتائج الرئيسية للاجتماعين السادس عشر والسابع عشر لفريق العمل CWG-Internet، المعقودين في 23 سبتمبر 2021 ويومي 19 و20 يناير 2022 وفقًا للقرارين 102 و140 (المراجَعين في دبي، 2018) لمؤتمر المندوبين المفوضين لعام 2018 (PP-18) وقراري المجلس 1305 و1336 (المراجَعين في 2019)."},
    {"C22/58",
     "Principaux résultats des réunions du Groupe tenues de février 2019 à janvier 2022 conformément aux Résolutions 102 et 140 (Rév. Dubaï, 2018) de la Conférence de plénipotentiaires et aux Résolutions 1305 et 1336 (Rév. 2019) du Conseil.",
     "Principales resultados de las reuniones del Grupo celebradas entre febrero de 2019 y enero de 2022 de conformidad con las Resoluciones 102 y 140 (Rev. Dubái, 2018) de la Conferencia de Plenipotenciarios y las Resoluciones 1305 y 1336 (Rev. 2019) del Consejo.",
     "Основные результаты собраний Группы, проведенных с февраля 2019 года по январь 2022 года в соответствии с Резолюциями 102 и 140 (Пересм. Дубай, 2018 г.) Полномочной конференции и Резолюциями 1305 и 1336 (Пересм. 2019 г.) Совета.",
     "النتائج الرئيسية لاجتماعات الفريق المعقودة في الفترة من فبراير 2019 إلى يناير 2022 وفقًا للقرارين 102 و140 (المراجَعين في دبي، 2018) لمؤتمر المندوبين المفوضين وقراري المجلس 1305 و1336 (المراجَعين في 2019)."},
    {"C22/18(Rev.1)",
     "Version révisée du Document C22/18 comportant des corrections de forme mineures, comme annoncé à la session de 2022 du Conseil ; elle mentionne le programme de cybersécurité de l’OEA.",
     "Versión revisada del Documento C22/18 con correcciones de redacción menores, como se anunció en la reunión de 2022 del Consejo; en ella se menciona el programa de ciberseguridad de la OEA.",
     "Пересмотренный вариант Документа C22/18 с незначительными редакционными исправлениями, как было объявлено на сессии Совета 2022 года; в нем упоминается программа кибербезопасности ОАГ.",
     "صيغة منقحة من الوثيقة C22/18 تتضمن تصويبات تحريرية طفيفة، كما أُعلن في دورة المجلس لعام 2022؛ وهي تشير إلى برنامج الأمن السيبراني لمنظمة الدول الأمريكية."},
    {"C22/32(Rev.1)",
     "Projet de lignes directrices pour l’utilisation du GCA par l’UIT, fruit de longues discussions et consultations formelles et informelles ; seules deux dispositions restent entre crochets.",
     "Proyecto de directrices para la utilización de la GCA por la UIT, fruto de largos debates y consultas oficiales y oficiosas; solo dos disposiciones siguen entre corchetes.",
     "Проект руководящих указаний по использованию ГПК МСЭ, ставший результатом длительных официальных и неофициальных обсуждений и консультаций; лишь в двух положениях остались квадратные скобки.",
     "مشروع المبادئ التوجيهية لاستعمال الاتحاد للبرنامج العالمي للأمن السيبراني، وهو ثمرة مناقشات ومشاورات رسمية وغير رسمية مطولة؛ ولم يتبق بين معقوفتين سوى حكمين اثنين."},
    {"C22/71",
     "Propose que le Conseil adopte le projet de lignes directrices figurant dans le Document C22/32(Rev.1) pour orienter les travaux de l’UIT, et qu’il le mette à jour et le révise pour tenir compte de l’évolution des technologies de l’Internet et de la situation en matière de cybersécurité.",
     "Propone que el Consejo adopte el proyecto de directrices del Documento C22/32(Rev.1) para orientar la labor de la UIT y que lo actualice y revise para tener en cuenta la evolución de las tecnologías de Internet y la situación de la ciberseguridad.",
     "Предлагается, чтобы Совет утвердил проект руководящих указаний, содержащийся в Документе C22/32(Rev.1), в качестве ориентира для работы МСЭ, а также обновлял и пересматривал его с учетом развития интернет-технологий и ситуации в области кибербезопасности.",
     "يقترح أن يعتمد المجلس مشروع المبادئ التوجيهية الوارد في الوثيقة C22/32(Rev.1) لتوجيه عمل الاتحاد، وأن يحدّثه ويراجعه لمراعاة تطور تكنولوجيات الإنترنت وحالة الأمن السيبراني."},
    {"C22/87",
     "1 Activités de l’UIT relatives à l’Internet : Résolutions 101, 102, 133, 180 et 206 (Document C22/33)\n"
     "2 Activités de l’UIT visant à renforcer son rôle dans l’instauration de la confiance et de la sécurité dans l’utilisation des TIC (Document C22/18)\n"
     "3 Rapport du Président du GTC-Internet (Document C22/51)\n"
     "4 Rapport quadriennal du GTC-Internet (Document C22/58)\n"
     "5 Lignes directrices pour l’utilisation du GCA par l’UIT (Documents C22/32(Rev.1) et C22/71)\n"
     "6 Rapport sur les résultats des activités du GTC-SMSI&ODD depuis la session de 2021 du Conseil (Document C22/8)\n"
     "7 Rapport sur les résultats de quatre années d’activités du GTC-SMSI&ODD depuis la PP-18 (Document C22/60)\n"
     "8 Déclarations de ministres et de Conseillers",
     "1 Actividades de la UIT relacionadas con Internet: Resoluciones 101, 102, 133, 180 y 206 (Documento C22/33)\n"
     "2 Actividades de la UIT destinadas a fortalecer su función en la creación de confianza y seguridad en la utilización de las TIC (Documento C22/18)\n"
     "3 Informe del Presidente del GTC-Internet (Documento C22/51)\n"
     "4 Informe cuadrienal del GTC-Internet (Documento C22/58)\n"
     "5 Directrices para la utilización de la GCA por la UIT (Documentos C22/32(Rev.1) y C22/71)\n"
     "6 Informe sobre los resultados de las actividades del GTC-CMSI&ODS desde la reunión de 2021 del Consejo (Documento C22/8)\n"
     "7 Informe sobre los resultados de cuatro años de actividades del GTC-CMSI&ODS desde la PP-18 (Documento C22/60)\n"
     "8 Declaraciones de ministros y Consejeros",
     "1 Деятельность МСЭ, связанная с Интернетом: Резолюции 101, 102, 133, 180 и 206 (Документ C22/33)\n"
     "2 Деятельность МСЭ по усилению его роли в укреплении доверия и безопасности при использовании ИКТ (Документ C22/18)\n"
     "3 Отчет Председателя РГС-Интернет (Документ C22/51)\n"
     "4 Четырехгодичный отчет РГС-Интернет (Документ C22/58)\n"
     "5 Руководящие указания по использованию ГПК МСЭ (Документы C22/32(Rev.1) и C22/71)\n"
     "6 Отчет о результатах деятельности РГС-ВВУИО&ЦУР после сессии Совета 2021 года (Документ C22/8)\n"
     "7 Отчет о результатах четырехлетней деятельности РГС-ВВУИО&ЦУР после ПК-18 (Документ C22/60)\n"
     "8 Заявления министров и советников",
     "1 أنشطة الاتحاد المتعلقة بالإنترنت: القرارات 101 و102 و133 و180 و206 (الوثيقة C22/33)\n"
     "2 أنشطة الاتحاد المتعلقة بتعزيز دوره في بناء الثقة والأمن في استعمال تكنولوجيا المعلومات والاتصالات (الوثيقة C22/18)\n"
     "3 تقرير رئيس فريق العمل CWG-Internet (الوثيقة C22/51)\n"
     "4 تقرير السنوات الأربع لفريق العمل CWG-Internet (الوثيقة C22/58)\n"
     "5 المبادئ التوجيهية لاستعمال الاتحاد للبرنامج العالمي للأمن السيبراني (الوثيقتان C22/32(Rev.1) وC22/71)\n"
     "6 تقرير عن نتائج أنشطة فريق العمل CWG-WSIS&SDG منذ دورة المجلس لعام 2021 (الوثيقة C22/8)\n"
     "7 تقرير عن نتائج أربع سنوات من أنشطة فريق العمل CWG-WSIS&SDG منذ مؤتمر PP-18 (الوثيقة C22/60)\n"
     "8 بيانات الوزراء والمستشارين"},
};
}  // namespace

Status LoadDemoDocuments(Connection& c) {
  struct Demo {
    const char* symbol;
    const char* date;
    const char* source_kind;
    json::value source;
    const char* access;
    const char* en;
    const char* zh;
    const char* summary_en;
    const char* summary_zh;
    std::optional<std::vector<RelationInput>> relations;
  };
  json::value secretariat = json::object{};
  // The groups' acronyms as the agenda items' titles write them in each language.
  json::value chair_internet = Names({{"en", "Chair of CWG-Internet"}, {"zh", "CWG-Internet主席"},
                                      {"fr", "Président du GTC-Internet"},
                                      {"es", "Presidente del GTC-Internet"},
                                      {"ru", "Председатель РГС-Интернет"},
                                      {"ar", "رئيس فريق العمل CWG-Internet"}});
  json::value chair_wsis = Names({{"en", "Chair of CWG-WSIS&SDG"}, {"zh", "CWG-WSIS&SDG主席"},
                                  {"fr", "Président du GTC-SMSI&ODD"},
                                  {"es", "Presidente del GTC-CMSI&ODS"},
                                  {"ru", "Председатель РГС-ВВУИО&ЦУР"},
                                  {"ar", "رئيس فريق العمل CWG-WSIS&SDG"}});
  json::value china = Names({{"en", "China"}, {"zh", "中国"}, {"fr", "Chine"}, {"es", "China"},
                             {"ru", "Китай"}, {"ar", "الصين"}});
  const char* gca_en = "Guidelines for the utilization of the Global Cybersecurity Agenda (GCA) by ITU";
  const char* gca_zh = "国际电联《全球网络安全议程》（GCA）的使用导则";
  // Titles (zh) are the agenda items of the Council 2022 summary record; English titles are
  // translations, the other four languages are kOtherTitles'. Dates are illustrative.
  const std::vector<Demo> demos = {
      {"C22/8", "2022-01-24", "chair", chair_wsis, "public",
       "Report on the outcomes of the activities of the Council Working Group on the World Summit "
       "on the Information Society and the Sustainable Development Goals (CWG-WSIS&SDG) since "
       "the 2021 session of the Council",
       "理事会信息社会世界峰会和可持续发展目标工作组（CWG-WSIS&SDG）自理事会2021年会议以来的活动成果报告",
       "Main outcomes of the 37th and 38th meetings of the group.", "总结了该组第37和38次会议的主要结果。",
       std::nullopt},
      {"C22/18", "2022-02-07", "secretariat", secretariat, "public",
       "ITU's activities related to strengthening its role in building confidence and security "
       "in the use of information and communication technologies (ICTs)",
       "国际电联为加强其在树立使用信息通信技术（ICT）的信心和提高安全性方面的作用所开展的活动",
       "Summary of ITU's activities under Resolution 130 (Rev. Dubai, 2018) of the "
       "Plenipotentiary Conference; ITU's role as sole facilitator of WSIS Action Line C5; and "
       "other decisions of the membership on strengthening ITU's role in building confidence "
       "and security in the use of ICTs.",
       "本文件总结了国际电联针对全权代表大会（PP）第130号决议（2018年，迪拜，修订版）开展的活动；"
       "国际电联作为WSIS C5行动方面唯一推进方发挥的作用；以及成员就加强国际电联在树立使用ICT"
       "信心和提高安全性方面的作用所做出的其它决定。",
       std::nullopt},
      {"C22/32", "2022-02-08", "secretariat", secretariat, "public", gca_en, gca_zh,
       "Draft guidelines for the utilization of the GCA by ITU.", "国际电联使用GCA的导则草案。",
       std::nullopt},
      {"C22/33", "2022-02-14", "secretariat", secretariat, "public",
       "ITU's Internet-related activities: Resolutions 101, 102, 133, 180 and 206",
       "国际电联互联网活动：第101、102、133、180和206号决议",
       "Overview of ITU's Internet-related activities under Resolutions 101, 102, 133 and 180 "
       "(Rev. Dubai, 2018) and Resolution 206 (Dubai, 2018) of the Plenipotentiary Conference. "
       "A longer and more detailed version of the report was submitted to CWG-Internet in 2022.",
       "本文件概述了国际电联根据全权代表大会第101号决议（2018年，迪拜，修订版）、第102号决议"
       "（2018年，迪拜，修订版）、第133号决议（2018年，迪拜，修订版）、第180号决议（2018年，迪拜，"
       "修订版）和第206号决议（2018年，迪拜）开展的互联网活动。篇幅更长且内容更加详细的报告版本"
       "已于2022年提交理事会国际互联网相关公共政策问题工作组（CWG-Internet）。",
       std::nullopt},
      {"C22/51", "2022-02-10", "chair", chair_internet, "public",
       "Report by the Chair of the Council Working Group on International Internet-related "
       "Public Policy Issues (CWG-Internet)",
       "理事会国际互联网相关公共政策问题工作组（CWG-Internet）主席的报告",
       "Main outcomes of the 16th and 17th meetings of CWG-Internet, held on 23 September 2021 "
       "and 19-20 January 2022 in accordance with Resolutions 102 and 140 (Rev. Dubai, 2018) "
       "of the 2018 Plenipotentiary Conference (PP-18) and Council Resolutions 1305 and 1336 "
       "(Rev. 2019).",
       "本报告总结根据2018年全权代表大会（PP-18）第102号决议（2018年，迪拜，修订版）、第140号决议"
       "（2018年，迪拜，修订版）和理事会第1305号决议（2019年，修订版）和第1336号决议（2019年，修订版）"
       "于2021年9月23日和2022年1月19-20日召开的理事会国际互联网相关公共政策问题工作组（CWG-Internet）"
       "第十六次会议和第十七次会议的主要结果。",
       std::nullopt},
      {"C22/58", "2022-02-21", "chair", chair_internet, "public",
       "Four-year report of the Council Working Group on International Internet-related Public "
       "Policy Issues (CWG-Internet)",
       "理事会国际互联网相关公共政策问题工作组（CWG-Internet）四年期报告",
       "Main outcomes of the meetings of the group held from February 2019 to January 2022 in "
       "accordance with Resolutions 102 and 140 (Rev. Dubai, 2018) of the Plenipotentiary "
       "Conference and Council Resolutions 1305 and 1336 (Rev. 2019).",
       "报告总结了根据全权代表大会第102号决议（2018年，迪拜，修订版）和第140号决议（2018年，迪拜，"
       "修订版）以及理事会第1305号决议（2019年，修订版）和第1336号决议（2019年，修订版）于2019年2月"
       "至2022年1月召开的工作组会议的主要结果。",
       std::nullopt},
      {"C22/60", "2022-02-24", "chair", chair_wsis, "public",
       "Report on the outcomes of four years of activities of the Council Working Group on "
       "WSIS and SDGs (CWG-WSIS&SDG) since the 2018 Plenipotentiary Conference (PP-18)",
       "理事会信息社会世界峰会和可持续发展目标工作组（CWG-WSIS&SDG）自2018年全权代表大会（PP-18）"
       "以来四年活动成果报告",
       "", "", std::nullopt},
      {"C22/18(Rev.1)", "2022-04-04", "secretariat", secretariat, "public",
       "ITU's activities related to strengthening its role in building confidence and security "
       "in the use of information and communication technologies (ICTs)",
       "国际电联为加强其在树立使用信息通信技术（ICT）的信心和提高安全性方面的作用所开展的活动",
       "Revised version of Document C22/18 with minor editorial corrections, as announced at the "
       "Council 2022 session; it mentions the cybersecurity programme of the OAS.",
       "C22/18号文件经过细微编辑更正的修订版，如理事会2022年会议上所宣布；其中提及OAS网络安全计划。",
       std::vector<RelationInput>{{"revises", "C22/18"}}},
      {"C22/32(Rev.1)", "2022-03-14", "secretariat", secretariat, "public", gca_en, gca_zh,
       "Draft guidelines for the utilization of the GCA by ITU, the result of lengthy formal and "
       "informal discussions and consultations; only two provisions remain in square brackets.",
       "国际电联使用GCA的导则草案，是经过漫长的正式和非正式讨论和磋商的结果。仅有两个条款保留了方括号。",
       std::vector<RelationInput>{{"revises", "C22/32"}}},
      {"C22/71", "2022-03-15", "member_state", china, "public",
       "Proposal on the adoption of the guidelines for the utilization of the Global "
       "Cybersecurity Agenda (GCA) by ITU",
       "关于通过国际电联《全球网络安全议程》（GCA）使用导则的建议",
       "Proposes that the Council adopt the draft guidelines in Document C22/32(Rev.1) to guide "
       "ITU's work, and update and revise them to take account of the development of Internet "
       "technologies and of the cybersecurity situation.",
       "建议理事会通过C22/32(Rev.1)号文件中的导则草案，用其指导国际电联的工作，并不断更新和修订"
       "导则，以考虑到互联网技术的发展和网络安全形势。",
       std::vector<RelationInput>{}},
      // The summary record itself (seed 000; "087V2C.docx" is C22/87): its agenda items cite
      // the documents above and the resolutions, so they show it under "cited by".
      {"C22/87", "2022-03-31", "secretariat", secretariat, "public",
       "Summary record of a plenary meeting of the 2022 session of the Council",
       "理事会2022年会议全体会议摘要记录",
       "1 ITU's Internet-related activities: Resolutions 101, 102, 133, 180 and 206 (Document "
       "C22/33)\n"
       "2 ITU's activities related to strengthening its role in building confidence and security "
       "in the use of ICTs (Document C22/18)\n"
       "3 Report by the Chair of CWG-Internet (Document C22/51)\n"
       "4 Four-year report of CWG-Internet (Document C22/58)\n"
       "5 Guidelines for the utilization of the GCA by ITU (Documents C22/32(Rev.1) and C22/71)\n"
       "6 Report on the outcomes of the activities of CWG-WSIS&SDG since the 2021 session of the "
       "Council (Document C22/8)\n"
       "7 Report on the outcomes of four years of activities of CWG-WSIS&SDG since PP-18 "
       "(Document C22/60)\n"
       "8 Statements by ministers and councillors",
       "1 国际电联互联网活动：第101、102、133、180和206号决议（C22/33号文件）\n"
       "2 国际电联为加强其在树立使用信息通信技术（ICT）的信心和提高安全性方面的作用所开展的活动"
       "（C22/18号文件）\n"
       "3 理事会国际互联网相关公共政策问题工作组（CWG-Internet）主席的报告（C22/51号文件）\n"
       "4 理事会国际互联网相关公共政策问题工作组（CWG-Internet）四年期报告（C22/58号文件）\n"
       "5 国际电联《全球网络安全议程》（GCA）的使用导则（C22/32(Rev.1)和C22/71号文件）\n"
       "6 理事会信息社会世界峰会和可持续发展目标工作组（CWG-WSIS&SDG）自理事会2021年会议以来的"
       "活动成果报告（C22/8号文件）\n"
       "7 理事会信息社会世界峰会和可持续发展目标工作组（CWG-WSIS&SDG）自2018年全权代表大会（PP-18）"
       "以来四年活动成果报告（C22/60号文件）\n"
       "8 各位部长和理事的发言",
       std::vector<RelationInput>{}},
      // Illustrative: a document restricted to Member States, to show that its existence,
      // metadata and files stay private.
      {"C22/DT/5", "2022-03-28", "secretariat", secretariat, "member_states",
       "Informal consultations on the pending paragraphs of the draft guidelines in Document "
       "C22/32(Rev.1): compilation of proposals",
       "关于C22/32(Rev.1)号文件导则草案未决段落的非正式磋商：提案汇编",
       "", "", std::vector<RelationInput>{}},
  };
  std::optional<std::int64_t> council = c.QueryInt("SELECT id FROM bodies WHERE key = 'council'");
  for (const auto& d : demos) {
    if (c.QueryInt("SELECT 1 FROM documents WHERE symbol = ?", std::string(d.symbol))) continue;
    DocumentInput in;
    in.symbol = d.symbol;
    in.body = council ? std::to_string(*council) : "";
    in.title = Names({{"en", d.en}, {"zh", d.zh}});
    for (const OtherTitles& t : kOtherTitles) {
      if (std::string_view(t.symbol) != d.symbol) continue;
      in.title.as_object()["fr"] = t.fr;
      in.title.as_object()["es"] = t.es;
      in.title.as_object()["ru"] = t.ru;
      in.title.as_object()["ar"] = t.ar;
    }
    if (*d.summary_en) {
      in.summary = Names({{"en", d.summary_en}, {"zh", d.summary_zh}});
      for (const OtherTitles& t : kOtherSummaries) {
        if (std::string_view(t.symbol) != d.symbol) continue;
        in.summary.as_object()["fr"] = t.fr;
        in.summary.as_object()["es"] = t.es;
        in.summary.as_object()["ru"] = t.ru;
        in.summary.as_object()["ar"] = t.ar;
      }
    }
    in.date = d.date;
    in.source_kind = d.source_kind;
    in.source = d.source;
    in.access = d.access;
    in.status = "issued";
    in.relations = d.relations;
    in.illustrative = true;
    auto id = CreateOn(c, std::nullopt, in);
    if (!id.ok()) return id.error();
    const char* file = nullptr;
    const char* lang = nullptr;
    if (std::string(d.symbol) == "C22/51") file = kC22_51_zh, lang = "zh";
    if (std::string(d.symbol) == "C22/DT/5") file = kC22_DT_5_en, lang = "en";
    if (file) {
      auto f = UploadFileOn(c, std::nullopt, *id,
                            {lang, fmt::format("{}.txt", lang), std::string(file)}, Limits{});
      if (!f.ok()) return f.error();
    }
  }
  return Ok{};
}

}  // namespace plenary::documents
