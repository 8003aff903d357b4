// The campaign corpus generator: a sentence grammar per language, copy edits and scoring.
#include "campaigns/corpus.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "campaigns/shingles.h"

namespace plenary::campaigns {
namespace {

using Words = std::vector<std::string_view>;

// splitmix64: small, fast, and the same everywhere (unlike std:: distributions).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    state_ += 0x9e3779b97f4a7c15ULL;
    return Mix64(state_);
  }
  // Uniform in [0, n), n ≥ 1.
  std::size_t Uniform(std::size_t n) {
    return static_cast<std::size_t>((static_cast<unsigned __int128>(Next()) * n) >> 64);
  }
  // Uniform in (0, 1].
  double Real() { return (static_cast<double>(Next() >> 11) + 1) * 0x1.0p-53; }
  bool Chance(double p) { return Real() <= p; }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[Uniform(v.size())];
  }

 private:
  std::uint64_t state_;
};

enum class Script { kLatin, kCyrillic, kArabic, kHan };

struct Language {
  const char* code;
  double weight;
  Script script;
  Words openers, subjects, predicates, objects, reasons;
  Words greetings, closings, given, family, cities;
  std::vector<std::pair<std::string_view, std::string_view>> synonyms;
};

// The sentence grammar: [opener] subject predicate object [reason]. Sentences are statements one
// might read in comments on a draft telecommunications recommendation; agreement between the
// parts is only approximately right in inflected languages, which does not matter here.
const std::vector<Language>& Languages() {
  // clang-format off
  static const std::vector<Language> languages = {
      {"en", 0.35, Script::kLatin,
       {"In my view,", "Frankly,", "As a small business owner,", "As a parent,",
        "As an engineer,", "Speaking for my community,", "Put simply,", "After reading the draft,",
        "As a teacher,", "From my own experience,", "To be clear,", "As a citizen,"},
       {"the draft recommendation", "the proposed framework", "this consultation paper",
        "the new licensing regime", "the plan to reallocate spectrum", "the proposed fee schedule",
        "the section on data retention", "the revised text", "the proposal on network fees",
        "the current wording of article 7", "the exemption for large operators",
        "the compliance timetable", "the review mechanism", "the annex on satellite coordination",
        "the transparency requirement"},
       {"would weaken", "could undermine", "does not protect", "fails to address",
        "must preserve", "should strengthen", "will raise costs for", "puts at risk", "ignores",
        "may restrict", "goes too far against", "would improve", "does too little for",
        "treats unfairly", "overlooks"},
       {"the open internet", "small network operators", "rural and remote communities",
        "freedom of expression online", "consumer privacy", "public safety communications",
        "independent broadcasters", "community networks", "affordable broadband",
        "students and schools", "emergency services", "developing countries", "local innovation",
        "competition among providers", "persons with disabilities", "amateur radio users",
        "small island states", "digital rights", "net neutrality", "start-up companies"},
       {"because access is now a basic need", "since prices are already too high",
        "as the evidence in annex B shows", "given how many people depend on it",
        "because the market is highly concentrated", "since no impact study was published",
        "because smaller actors cannot absorb the cost",
        "as experience in other regions demonstrates", "because the deadlines are unrealistic",
        "since enforcement remains unclear", "because users were not consulted",
        "while benefits for the public are unproven", "because it favours incumbents",
        "since the definitions are far too vague", "because the safeguards are optional",
        "and nobody has explained why", "because innovation depends on it",
        "given the rapid growth of mobile traffic", "because privacy is a fundamental right",
        "as many experts have already warned"},
       {"Dear Commissioners,", "Dear Secretariat,", "To whom it may concern,", "Hello,",
        "Dear Sir or Madam,", "Dear members of the Council,", "Good day,"},
       {"Sincerely", "Best regards", "Regards", "Kind regards", "Respectfully", "Thank you"},
       {"James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "David",
        "Elizabeth", "William", "Susan", "Ahmed", "Priya", "Wei", "Olga"},
       {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Wilson",
        "Taylor", "Anderson", "Thomas", "Moore", "Martin", "Lee", "Patel"},
       {"Boston", "Denver", "Toronto", "Manchester", "Sydney", "Chicago", "Austin", "Leeds",
        "Dublin", "Auckland", "Vancouver", "Seattle"},
       {{"would", "will"}, {"communities", "towns"}, {"protect", "safeguard"}, {"costs", "prices"},
        {"people", "citizens"}, {"unclear", "vague"}, {"operators", "providers"},
        {"proposed", "suggested"}, {"experts", "specialists"}, {"draft", "proposed"}}},
      {"fr", 0.15, Script::kLatin,
       {"À mon avis,", "Franchement,", "En tant que parent,", "En tant que petit entrepreneur,",
        "En tant qu'ingénieur,", "Pour ma commune,", "Pour le dire simplement,",
        "Après lecture du projet,", "En tant qu'enseignante,", "D'après mon expérience,",
        "Soyons clairs :", "En tant que citoyen,"},
       {"le projet de recommandation", "le cadre proposé", "ce document de consultation",
        "le nouveau régime de licences", "le plan de réattribution du spectre",
        "le barème de redevances proposé", "la section sur la conservation des données",
        "le texte révisé", "la proposition sur les frais de réseau",
        "la rédaction actuelle de l'article 7", "l'exemption prévue pour les grands opérateurs",
        "le calendrier de mise en conformité", "le mécanisme de révision",
        "l'annexe sur la coordination des satellites", "l'obligation de transparence"},
       {"affaiblirait", "pourrait fragiliser", "ne protège pas", "ne traite pas", "doit préserver",
        "devrait renforcer", "augmentera les coûts pour", "met en danger", "ignore",
        "risque de restreindre", "va trop loin contre", "améliorerait", "fait trop peu pour",
        "traite injustement", "néglige"},
       {"l'internet ouvert", "les petits opérateurs de réseau",
        "les communautés rurales et isolées", "la liberté d'expression en ligne",
        "la vie privée des consommateurs", "les communications de sécurité publique",
        "les radiodiffuseurs indépendants", "les réseaux communautaires",
        "le haut débit abordable", "les élèves et les écoles", "les services d'urgence",
        "les pays en développement", "l'innovation locale", "la concurrence entre fournisseurs",
        "les personnes handicapées", "les radioamateurs", "les petits États insulaires",
        "les droits numériques", "la neutralité du net", "les jeunes entreprises"},
       {"car l'accès est désormais un besoin essentiel", "puisque les prix sont déjà trop élevés",
        "comme le montrent les données de l'annexe B",
        "vu le nombre de personnes qui en dépendent", "car le marché est très concentré",
        "puisqu'aucune étude d'impact n'a été publiée",
        "car les petits acteurs ne peuvent pas absorber ce coût",
        "comme l'expérience d'autres régions le démontre", "car les délais sont irréalistes",
        "puisque les modalités d'application restent floues",
        "car les usagers n'ont pas été consultés",
        "alors que les bénéfices pour le public ne sont pas prouvés",
        "car il favorise les opérateurs historiques",
        "puisque les définitions sont beaucoup trop vagues", "car les garanties sont facultatives",
        "et personne n'a expliqué pourquoi", "car l'innovation en dépend",
        "vu la croissance rapide du trafic mobile", "car la vie privée est un droit fondamental",
        "comme de nombreux experts l'ont déjà signalé"},
       {"Madame, Monsieur,", "Mesdames et Messieurs les membres du Conseil,", "Bonjour,",
        "Chers membres du Secrétariat,", "À qui de droit,"},
       {"Cordialement", "Bien à vous", "Salutations distinguées", "Respectueusement", "Merci"},
       {"Jean", "Marie", "Pierre", "Sophie", "Luc", "Camille", "Nicolas", "Julie", "Thomas",
        "Claire", "Amadou", "Fatou", "Karim", "Léa"},
       {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
        "Moreau", "Diallo", "Traoré", "Lambert", "Fontaine"},
       {"Paris", "Lyon", "Marseille", "Genève", "Bruxelles", "Dakar", "Montréal", "Abidjan",
        "Lille", "Toulouse", "Québec", "Lausanne"},
       {{"projet", "avant-projet"}, {"coûts", "frais"}, {"petits", "modestes"},
        {"communautés", "collectivités"}, {"abordable", "accessible"}, {"élèves", "écoliers"},
        {"floues", "imprécises"}, {"experts", "spécialistes"}, {"proposé", "suggéré"},
        {"affaiblirait", "fragiliserait"}}},
      {"es", 0.15, Script::kLatin,
       {"En mi opinión,", "Francamente,", "Como madre de familia,", "Como pequeño empresario,",
        "Como ingeniero,", "Hablando por mi comunidad,", "Dicho de forma sencilla,",
        "Después de leer el borrador,", "Como docente,", "Según mi experiencia,",
        "Para ser claros,", "Como ciudadano,"},
       {"el proyecto de recomendación", "el marco propuesto", "este documento de consulta",
        "el nuevo régimen de licencias", "el plan de reasignación del espectro",
        "la tabla de tasas propuesta", "la sección sobre conservación de datos",
        "el texto revisado", "la propuesta sobre tarifas de red",
        "la redacción actual del artículo 7", "la exención prevista para los grandes operadores",
        "el calendario de cumplimiento", "el mecanismo de revisión",
        "el anexo sobre coordinación de satélites", "la obligación de transparencia"},
       {"debilitaría", "podría socavar", "no protege", "no aborda", "debe preservar",
        "debería fortalecer", "aumentará los costos para", "pone en riesgo", "ignora",
        "puede restringir", "va demasiado lejos contra", "mejoraría", "hace muy poco por",
        "trata injustamente", "pasa por alto"},
       {"el internet abierto", "los pequeños operadores de red",
        "las comunidades rurales y remotas", "la libertad de expresión en línea",
        "la privacidad de los consumidores", "las comunicaciones de seguridad pública",
        "las emisoras independientes", "las redes comunitarias", "la banda ancha asequible",
        "los estudiantes y las escuelas", "los servicios de emergencia",
        "los países en desarrollo", "la innovación local", "la competencia entre proveedores",
        "las personas con discapacidad", "los radioaficionados",
        "los pequeños estados insulares", "los derechos digitales", "la neutralidad de la red",
        "las empresas emergentes"},
       {"porque el acceso ya es una necesidad básica", "ya que los precios son demasiado altos",
        "como muestran los datos del anexo B", "dado cuántas personas dependen de ello",
        "porque el mercado está muy concentrado",
        "ya que no se publicó ningún estudio de impacto",
        "porque los actores pequeños no pueden asumir el costo",
        "como demuestra la experiencia de otras regiones", "porque los plazos no son realistas",
        "ya que la aplicación sigue sin estar clara", "porque no se consultó a los usuarios",
        "mientras que los beneficios para el público no están probados",
        "porque favorece a los operadores tradicionales",
        "ya que las definiciones son demasiado vagas", "porque las salvaguardias son opcionales",
        "y nadie ha explicado por qué", "porque la innovación depende de ello",
        "dado el rápido crecimiento del tráfico móvil",
        "porque la privacidad es un derecho fundamental",
        "como ya han advertido muchos expertos"},
       {"Estimados miembros del Consejo:", "Señoras y señores:", "Hola:", "Estimada Secretaría:",
        "A quien corresponda:"},
       {"Atentamente", "Saludos cordiales", "Un saludo", "Respetuosamente", "Gracias"},
       {"José", "María", "Juan", "Carmen", "Luis", "Ana", "Carlos", "Lucía", "Javier", "Sofía",
        "Diego", "Valentina", "Andrés", "Camila"},
       {"García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez",
        "Gómez", "Díaz", "Torres", "Ramírez", "Flores", "Vargas"},
       {"Madrid", "Barcelona", "Sevilla", "Bogotá", "Lima", "Quito", "Santiago", "Montevideo",
        "Valencia", "Guadalajara", "Córdoba", "Rosario"},
       {{"costos", "gastos"}, {"pequeños", "menores"}, {"comunidades", "localidades"},
        {"asequible", "económica"}, {"estudiantes", "alumnos"}, {"vagas", "imprecisas"},
        {"expertos", "especialistas"}, {"propuesto", "sugerido"}, {"debilitaría", "socavaría"},
        {"usuarios", "consumidores"}}},
      {"ru", 0.12, Script::kCyrillic,
       {"По моему мнению,", "Откровенно говоря,", "Как родитель,", "Как владелец малого бизнеса,",
        "Как инженер,", "От имени моего сообщества,", "Проще говоря,", "Прочитав проект,",
        "Как учитель,", "По моему опыту,", "Скажу прямо:", "Как гражданин,"},
       {"проект рекомендации", "предлагаемая система", "этот консультационный документ",
        "новый режим лицензирования", "план перераспределения спектра",
        "предлагаемая шкала сборов", "раздел о хранении данных", "пересмотренный текст",
        "предложение о сетевых сборах", "нынешняя редакция статьи 7",
        "исключение для крупных операторов", "график выполнения требований",
        "механизм пересмотра", "приложение о координации спутников", "требование прозрачности"},
       {"ослабит", "может подорвать", "не защищает", "не учитывает", "должен сохранить",
        "должен укрепить", "увеличит расходы для", "ставит под угрозу", "игнорирует",
        "может ограничить", "заходит слишком далеко против", "улучшит", "делает слишком мало для",
        "несправедливо относится к", "упускает из виду"},
       {"открытый интернет", "небольших операторов связи", "сельские и отдалённые районы",
        "свободу выражения мнений в сети", "конфиденциальность потребителей",
        "связь служб общественной безопасности", "независимых вещателей", "местные сети",
        "доступный широкополосный доступ", "учащихся и школы", "экстренные службы",
        "развивающиеся страны", "местные инновации", "конкуренцию между провайдерами",
        "людей с инвалидностью", "радиолюбителей", "малые островные государства",
        "цифровые права", "сетевой нейтралитет", "начинающие компании"},
       {"потому что доступ стал базовой потребностью", "поскольку цены и так слишком высоки",
        "как показывают данные приложения B", "учитывая, сколько людей от этого зависит",
        "потому что рынок сильно концентрирован", "поскольку оценка воздействия не опубликована",
        "потому что небольшие участники не выдержат таких расходов",
        "как показывает опыт других регионов", "потому что сроки нереалистичны",
        "поскольку порядок применения неясен",
        "потому что с пользователями не консультировались", "хотя польза для общества не доказана",
        "потому что это выгодно крупным игрокам", "поскольку определения слишком расплывчаты",
        "потому что гарантии необязательны", "и никто не объяснил почему",
        "потому что от этого зависят инновации", "учитывая быстрый рост мобильного трафика",
        "потому что неприкосновенность частной жизни — основное право",
        "как уже предупреждали многие эксперты"},
       {"Уважаемые члены Совета!", "Уважаемый Секретариат!", "Здравствуйте!",
        "Уважаемые дамы и господа!", "Добрый день!"},
       {"С уважением", "С наилучшими пожеланиями", "Спасибо", "Искренне ваш", "С благодарностью"},
       {"Александр", "Мария", "Дмитрий", "Анна", "Сергей", "Елена", "Андрей", "Ольга", "Иван",
        "Наталья", "Михаил", "Татьяна", "Алексей", "Ирина"},
       {"Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов",
        "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев"},
       {"Москва", "Санкт-Петербург", "Новосибирск", "Екатеринбург", "Казань", "Самара", "Омск",
        "Алматы", "Минск", "Бишкек", "Ташкент", "Ереван"},
       {{"проект", "черновик"}, {"расходы", "затраты"}, {"небольших", "малых"},
        {"доступный", "недорогой"}, {"неясен", "непонятен"}, {"эксперты", "специалисты"},
        {"сильно", "очень"}, {"предлагаемая", "предложенная"}, {"ослабит", "подорвёт"},
        {"людей", "граждан"}}},
      {"ar", 0.12, Script::kArabic,
       {"في رأيي،", "بصراحة،", "بصفتي أحد الوالدين،", "بصفتي صاحب مشروع صغير،", "بصفتي مهندسا،",
        "باسم مجتمعي المحلي،", "ببساطة،", "بعد قراءة المسودة،", "بصفتي معلما،",
        "من واقع تجربتي،", "لأكون واضحا،", "بصفتي مواطنا،"},
       {"مشروع التوصية", "الإطار المقترح", "وثيقة التشاور هذه", "نظام الترخيص الجديد",
        "خطة إعادة تخصيص الطيف", "جدول الرسوم المقترح", "القسم الخاص بالاحتفاظ بالبيانات",
        "النص المنقح", "الاقتراح المتعلق برسوم الشبكات", "الصياغة الحالية للمادة 7",
        "الإعفاء المقترح للمشغلين الكبار", "الجدول الزمني للامتثال", "آلية المراجعة",
        "الملحق الخاص بتنسيق السواتل", "شرط الشفافية"},
       {"سيضعف", "قد يقوض", "لا يحمي", "لا يعالج", "يجب أن يحافظ على", "ينبغي أن يعزز",
        "سيرفع التكاليف على", "يعرض للخطر", "يتجاهل", "قد يقيد", "يذهب بعيدا ضد", "سيحسن",
        "لا يقدم ما يكفي من أجل", "يظلم", "يغفل عن"},
       {"الإنترنت المفتوح", "مشغلي الشبكات الصغار", "المجتمعات الريفية والنائية",
        "حرية التعبير على الإنترنت", "خصوصية المستهلكين", "اتصالات السلامة العامة",
        "المذيعين المستقلين", "الشبكات المجتمعية", "النطاق العريض الميسور التكلفة",
        "الطلاب والمدارس", "خدمات الطوارئ", "البلدان النامية", "الابتكار المحلي",
        "المنافسة بين مقدمي الخدمات", "الأشخاص ذوي الإعاقة", "هواة اللاسلكي",
        "الدول الجزرية الصغيرة", "الحقوق الرقمية", "حياد الشبكة", "الشركات الناشئة"},
       {"لأن الوصول أصبح حاجة أساسية", "إذ إن الأسعار مرتفعة جدا بالفعل",
        "كما تبين بيانات الملحق باء", "نظرا لعدد الناس الذين يعتمدون عليه",
        "لأن السوق شديدة التركز", "إذ لم تنشر أي دراسة للأثر",
        "لأن الجهات الصغيرة لا تستطيع تحمل التكلفة", "كما تثبت تجربة المناطق الأخرى",
        "لأن المواعيد النهائية غير واقعية", "إذ لا تزال آليات التنفيذ غامضة",
        "لأنه لم تتم استشارة المستخدمين", "بينما لم تثبت الفائدة للجمهور",
        "لأنه يحابي المشغلين التقليديين", "إذ إن التعاريف فضفاضة للغاية",
        "لأن الضمانات اختيارية", "ولم يشرح أحد السبب", "لأن الابتكار يعتمد عليه",
        "نظرا للنمو السريع في حركة البيانات المتنقلة", "لأن الخصوصية حق أساسي",
        "كما حذر كثير من الخبراء"},
       {"السادة أعضاء المجلس المحترمون،", "إلى الأمانة العامة،", "مرحبا،", "السيدات والسادة،",
        "تحية طيبة وبعد،"},
       {"مع خالص التحية", "وتفضلوا بقبول فائق الاحترام", "شكرا لكم", "مع التقدير",
        "والسلام عليكم"},
       {"محمد", "أحمد", "فاطمة", "علي", "مريم", "خالد", "عائشة", "يوسف", "ليلى", "عمر", "سارة",
        "حسن", "نور", "إبراهيم"},
       {"العلي", "الحسن", "المصري", "الخطيب", "النجار", "الحداد", "الشامي", "السيد",
        "عبد الله", "التونسي", "المغربي", "الكردي"},
       {"القاهرة", "الرياض", "عمان", "بيروت", "تونس", "الدار البيضاء", "الجزائر", "دبي",
        "الدوحة", "بغداد", "الخرطوم", "مسقط"},
       {{"مشروع", "مسودة"}, {"التكلفة", "الكلفة"}, {"غامضة", "غير واضحة"},
        {"الخبراء", "المختصين"}, {"سيضعف", "سيوهن"}, {"الناس", "المواطنين"},
        {"المقترح", "المطروح"}, {"أساسية", "ضرورية"}, {"السريع", "المتسارع"},
        {"الصغار", "الصغيرة"}}},
      {"zh", 0.11, Script::kHan,
       {"我认为，", "坦率地说，", "作为一名家长，", "作为小企业主，", "作为工程师，", "代表我们社区，",
        "简单来说，", "读完草案后，", "作为一名教师，", "根据我的经验，", "说得明白一点，",
        "作为一名公民，"},
       {"建议草案", "拟议框架", "这份咨询文件", "新的许可制度", "频谱重新分配计划",
        "拟议的收费标准", "关于数据保留的章节", "修订后的文本", "关于网络费用的提案",
        "第七条的现行措辞", "为大型运营商设定的豁免", "合规时间表", "审查机制",
        "关于卫星协调的附件", "透明度要求"},
       {"会削弱", "可能破坏", "没有保护", "没有顾及", "必须维护", "应当加强", "会加重负担于",
        "会危及", "忽视了", "可能限制", "过度针对", "会改善", "很少照顾", "不公平地对待",
        "忽略了"},
       {"开放的互联网", "小型网络运营商", "农村和偏远社区", "网络言论自由", "消费者隐私",
        "公共安全通信", "独立广播机构", "社区网络", "价格合理的宽带", "学生和学校", "紧急服务",
        "发展中国家", "本地创新", "服务商之间的竞争", "残疾人", "业余无线电爱好者",
        "小岛屿国家", "数字权利", "网络中立", "初创企业"},
       {"，因为上网已经是基本需求", "，因为价格已经太高", "，附件B的数据已经说明了这一点",
        "，毕竟有这么多人依赖它", "，因为市场高度集中", "，因为没有公布任何影响评估",
        "，因为小型机构无法承担这些费用", "，其他地区的经验已经证明了这一点",
        "，因为期限不切实际", "，因为执行方式仍不明确", "，因为没有征求用户意见",
        "，而对公众的好处并未得到证明", "，因为它偏袒传统运营商", "，因为定义过于模糊",
        "，因为保障措施是可选的", "，而且没有人解释原因", "，因为创新依赖于此",
        "，考虑到移动流量的快速增长", "，因为隐私是一项基本权利", "，许多专家已经对此发出警告"},
       {"尊敬的理事会成员：", "秘书处：", "您好：", "各位女士、先生：", "致有关负责人："},
       {"此致敬礼", "谢谢", "顺祝商祺", "敬上", "祝好"},
       {"伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "杰", "军", "丽", "勇", "婷"},
       {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱"},
       {"北京", "上海", "广州", "深圳", "成都", "杭州", "武汉", "西安", "南京", "重庆", "香港",
        "台北"},
       {{"认为", "觉得"}, {"削弱", "弱化"}, {"费用", "开支"}, {"小型", "中小"},
        {"学校", "校园"}, {"模糊", "含糊"}, {"专家", "学者"}, {"拟议", "提议"},
        {"需求", "需要"}, {"快速", "迅速"}}},
  };
  // clang-format on
  return languages;
}

const Language& PickLanguage(Rng& rng) {
  const auto& languages = Languages();
  double x = rng.Real();
  for (const Language& l : languages) {
    if (x <= l.weight) return l;
    x -= l.weight;
  }
  return languages.front();
}

std::vector<UChar32> Decode(std::string_view s) {
  std::vector<UChar32> out;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0) out.push_back(c);
  }
  return out;
}

std::string Encode(const std::vector<UChar32>& cps) {
  std::string out;
  for (UChar32 c : cps) {
    char buf[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, c);
    out.append(buf, len);
  }
  return out;
}

std::string CapitalizeFirst(std::string s) {
  std::vector<UChar32> cps = Decode(s);
  if (cps.empty()) return s;
  cps[0] = u_toupper(cps[0]);
  return Encode(cps);
}

// One sentence of the grammar.
std::string Sentence(const Language& lang, Rng& rng) {
  const bool opener = rng.Chance(0.35);
  const bool reason = rng.Chance(0.7);
  std::string s;
  if (lang.script == Script::kHan) {
    if (opener) s += rng.Pick(lang.openers);
    s += rng.Pick(lang.subjects);
    s += rng.Pick(lang.predicates);
    s += rng.Pick(lang.objects);
    if (reason) s += rng.Pick(lang.reasons);
    s += "。";
    return s;
  }
  if (opener) {
    s += rng.Pick(lang.openers);
    s += ' ';
  }
  s += rng.Pick(lang.subjects);
  s += ' ';
  s += rng.Pick(lang.predicates);
  s += ' ';
  s += rng.Pick(lang.objects);
  if (reason) {
    s += lang.script == Script::kArabic ? "، " : ", ";
    s += rng.Pick(lang.reasons);
  }
  s += '.';
  return lang.script == Script::kArabic ? s : CapitalizeFirst(std::move(s));
}

std::vector<std::string> Sentences(const Language& lang, Rng& rng, size_t min, size_t max) {
  std::vector<std::string> out(min + rng.Uniform(max - min + 1));
  for (std::string& s : out) s = Sentence(lang, rng);
  return out;
}

std::string Signature(const Language& lang, Rng& rng) {
  std::string s(rng.Pick(lang.closings));
  switch (lang.script) {
    case Script::kHan:
      s += "，";
      s += rng.Pick(lang.family);
      s += rng.Pick(lang.given);
      s += "，";
      break;
    case Script::kArabic:
      s += "، ";
      s += rng.Pick(lang.given);
      s += ' ';
      s += rng.Pick(lang.family);
      s += "، ";
      break;
    default:
      s += ", ";
      s += rng.Pick(lang.given);
      s += ' ';
      s += rng.Pick(lang.family);
      s += ", ";
  }
  s += rng.Pick(lang.cities);
  return s;
}

std::string Assemble(std::string_view greeting, const std::vector<std::string>& body,
                     std::string_view signature, std::string_view separator) {
  std::string text;
  if (!greeting.empty()) {
    text += greeting;
    text += "\n\n";
  }
  for (size_t i = 0; i < body.size(); ++i) {
    if (i > 0) text += separator;
    text += body[i];
  }
  if (!signature.empty()) {
    text += "\n\n";
    text += signature;
  }
  return text;
}

// Replaces one occurrence of a synonym (either direction) in one sentence, if any is present.
void SwapSynonym(const Language& lang, Rng& rng, std::vector<std::string>& body) {
  if (body.empty()) return;
  const auto& [a, b] = rng.Pick(lang.synonyms);
  const bool forward = rng.Chance(0.5);
  const std::string_view from = forward ? a : b, to = forward ? b : a;
  const size_t start = rng.Uniform(body.size());
  for (size_t k = 0; k < body.size(); ++k) {
    std::string& s = body[(start + k) % body.size()];
    for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + 1)) {
      if (lang.script != Script::kHan) {  // whole words only
        const bool starts = pos == 0 || s[pos - 1] == ' ';
        const size_t end = pos + from.size();
        const bool ends = end == s.size() || s[end] == ' ' || s[end] == ',' || s[end] == '.';
        if (!starts || !ends) continue;
      }
      s.replace(pos, from.size(), to);
      return;
    }
  }
}

// A typing error in a letter of one sentence: letters swapped, dropped, doubled or replaced.
void Typo(Rng& rng, std::vector<std::string>& body) {
  if (body.empty()) return;
  std::string& s = body[rng.Uniform(body.size())];
  std::vector<UChar32> cps = Decode(s);
  std::vector<size_t> letters;
  for (size_t i = 0; i < cps.size(); ++i) {
    if (u_isalpha(cps[i])) letters.push_back(i);
  }
  if (letters.size() < 2) return;
  const size_t i = letters[rng.Uniform(letters.size())];
  switch (rng.Uniform(4)) {
    case 0:
      if (i + 1 < cps.size() && u_isalpha(cps[i + 1])) std::swap(cps[i], cps[i + 1]);
      break;
    case 1:
      cps.erase(cps.begin() + i);
      break;
    case 2:
      cps.insert(cps.begin() + i, cps[i]);
      break;
    default:
      cps[i] = cps[letters[rng.Uniform(letters.size())]];
  }
  s = Encode(cps);
}

bool IsArabicLetter(UChar32 c) { return c >= 0x0621 && c <= 0x064A; }

// Spelling variation that Arabic normalisation removes: diacritics, tatweel, hamza on alef, final
// yeh written as alef maksura, final heh as teh marbuta.
std::string VaryArabic(Rng& rng, std::string_view s) {
  const std::vector<UChar32> in = Decode(s);
  std::vector<UChar32> out;
  out.reserve(in.size() * 2);
  for (size_t i = 0; i < in.size(); ++i) {
    UChar32 c = in[i];
    const bool word_start = i == 0 || !IsArabicLetter(in[i - 1]);
    const bool word_end = i + 1 == in.size() || !IsArabicLetter(in[i + 1]);
    if (c == 0x0627 && word_start && rng.Chance(0.3)) c = rng.Chance(0.7) ? 0x0623 : 0x0625;
    if (c == 0x064A && word_end && rng.Chance(0.3)) c = 0x0649;
    if (c == 0x0647 && word_end && rng.Chance(0.2)) c = 0x0629;
    out.push_back(c);
    if (!IsArabicLetter(c)) continue;
    if (rng.Chance(0.12)) out.push_back(0x064B + static_cast<UChar32>(rng.Uniform(8)));
    if (!word_end && rng.Chance(0.02)) out.push_back(0x0640);
  }
  return Encode(out);
}

// Full-width Chinese punctuation written in ASCII, as from a Western keyboard.
std::string AsciiPunctuation(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s.substr(i, 3) == "，") {
      out += ", ";
      i += 3;
    } else if (s.substr(i, 3) == "。") {
      out += ". ";
      i += 3;
    } else {
      out += s[i++];
    }
  }
  return out;
}

struct Template {
  const Language* lang;
  std::vector<std::string> body;
  std::vector<std::string> forms;  // verbatim texts; forms[0] is the template itself
};

// A personalised copy of a template.
std::string Personalise(const Template& t, Rng& rng, bool sign) {
  const Language& lang = *t.lang;
  std::vector<std::string> body = t.body;
  if (rng.Chance(0.1)) {
    for (size_t i = body.size(); i > 1; --i) std::swap(body[i - 1], body[rng.Uniform(i)]);
  } else if (rng.Chance(0.3)) {
    std::swap(body[rng.Uniform(body.size())], body[rng.Uniform(body.size())]);
  }
  if (body.size() > 3 && rng.Chance(0.25)) body.erase(body.begin() + rng.Uniform(body.size()));
  if (rng.Chance(0.3)) {
    body.insert(body.begin() + rng.Uniform(body.size() + 1), Sentence(lang, rng));
  }
  if (rng.Chance(0.4)) {
    for (size_t n = 1 + rng.Uniform(2); n > 0; --n) SwapSynonym(lang, rng, body);
  }
  if (rng.Chance(0.4)) {
    for (size_t n = 1 + rng.Uniform(3); n > 0; --n) Typo(rng, body);
  }
  if (lang.script == Script::kArabic && rng.Chance(0.6)) {
    for (std::string& s : body) s = VaryArabic(rng, s);
  }
  if (lang.script == Script::kHan && rng.Chance(0.4)) {
    for (std::string& s : body) s = AsciiPunctuation(s);
  }
  std::string_view separator = lang.script == Script::kHan ? "" : " ";
  if (rng.Chance(0.2)) separator = rng.Chance(0.5) ? "\n" : "  ";
  const std::string greeting = rng.Chance(0.5) ? std::string(rng.Pick(lang.greetings)) : "";
  const std::string signature = sign && rng.Chance(0.8) ? Signature(lang, rng) : "";
  return Assemble(greeting, body, signature, separator);
}

Template MakeTemplate(Rng& rng) {
  Template t;
  t.lang = &PickLanguage(rng);
  t.body = Sentences(*t.lang, rng, 5, 9);
  const std::string_view separator = t.lang->script == Script::kHan ? "" : " ";
  t.forms.push_back(Assemble("", t.body, "", separator));
  for (size_t extra = rng.Uniform(3); extra > 0; --extra) {
    t.forms.push_back(Personalise(t, rng, /*sign=*/false));
  }
  return t;
}

std::string UniqueResponse(Rng& rng, const char*& language) {
  const Language& lang = PickLanguage(rng);
  language = lang.code;
  const std::vector<std::string> body = Sentences(lang, rng, 2, 8);
  const std::string greeting = rng.Chance(0.3) ? std::string(rng.Pick(lang.greetings)) : "";
  const std::string signature = rng.Chance(0.5) ? Signature(lang, rng) : "";
  return Assemble(greeting, body, signature, lang.script == Script::kHan ? "" : " ");
}

std::uint64_t C2(std::uint64_t n) { return n * (n - 1) / 2; }

}  // namespace

Corpus GenerateCorpus(const CorpusOptions& options) {
  Rng rng(Mix64(options.seed ^ 0x434f52505553ULL));  // "CORPUS"
  const size_t n = options.responses;
  const auto n_unique = static_cast<size_t>(std::llround(options.unique_share * n));
  const auto n_top =
      std::min(n - n_unique, static_cast<size_t>(std::llround(options.top_share * n)));
  size_t n_tail = n - n_unique - n_top;

  // Campaign sizes: the top ones by weights 1/(i+1)^0.7, the others from a power law.
  std::vector<size_t> sizes;
  const int top = n_top > 0 ? std::max(options.top_campaigns, 1) : 0;
  double total_weight = 0;
  for (int i = 0; i < top; ++i) total_weight += std::pow(i + 1, -0.7);
  size_t assigned = 0;
  for (int i = 0; i < top; ++i) {
    size_t s = i + 1 == top ? n_top - assigned
                            : static_cast<size_t>(n_top * std::pow(i + 1, -0.7) / total_weight);
    sizes.push_back(s);
    assigned += s;
  }
  const size_t max_tail = std::max<size_t>(10, n / 100);
  while (n_tail > 0) {
    size_t s = std::min<size_t>(max_tail, static_cast<size_t>(2 / rng.Real()));
    s = std::max<size_t>(s, 2);
    if (s > n_tail || n_tail - s == 1) s = n_tail;
    if (s == 1) {  // a lone remainder joins the previous campaign
      if (sizes.empty()) sizes.push_back(0);
      ++sizes.back();
      break;
    }
    sizes.push_back(s);
    n_tail -= s;
  }

  std::vector<Template> templates;
  templates.reserve(sizes.size());
  for (size_t c = 0; c < sizes.size(); ++c) templates.push_back(MakeTemplate(rng));

  Corpus corpus;
  corpus.num_campaigns = static_cast<std::int32_t>(sizes.size());
  std::vector<std::int32_t>& labels = corpus.labels;
  labels.reserve(n);
  for (size_t c = 0; c < sizes.size(); ++c) labels.insert(labels.end(), sizes[c], c);
  labels.insert(labels.end(), n - labels.size(), -1);
  for (size_t i = labels.size(); i > 1; --i) std::swap(labels[i - 1], labels[rng.Uniform(i)]);

  corpus.responses.reserve(n);
  corpus.languages.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    Rng r(Mix64(options.seed + 0x9e3779b97f4a7c15ULL * (i + 1)));
    const std::int32_t label = labels[i];
    std::string text;
    const char* language;
    if (label < 0) {
      text = UniqueResponse(r, language);
    } else {
      const Template& t = templates[label];
      language = t.lang->code;
      const double form_share = label < top ? options.top_form_share : options.tail_form_share;
      if (r.Chance(form_share)) {
        // The template itself is the most common form; the edited forms share the rest.
        const size_t f =
            t.forms.size() == 1 || r.Chance(0.6) ? 0 : 1 + r.Uniform(t.forms.size() - 1);
        text = t.forms[f];
      } else {
        text = Personalise(t, r, /*sign=*/true);
      }
    }
    corpus.responses.emplace_back(i + 1, std::move(text));
    corpus.languages.push_back(language);
  }
  return corpus;
}

Scores Score(std::span<const std::int32_t> truth, std::span<const CampaignId> predicted) {
  Scores scores;
  const size_t n = std::min(truth.size(), predicted.size());
  if (n == 0) return scores;
  std::unordered_map<CampaignId, std::uint64_t> predicted_size;
  std::unordered_map<std::int32_t, std::uint64_t> truth_size;
  std::vector<std::pair<CampaignId, std::int32_t>> cells;  // (predicted, truth) of labelled items
  for (size_t i = 0; i < n; ++i) {
    ++predicted_size[predicted[i]];
    if (truth[i] >= 0) {
      ++truth_size[truth[i]];
      cells.emplace_back(predicted[i], truth[i]);
    }
  }
  for (const auto& [id, size] : predicted_size) scores.predicted_pairs += C2(size);
  for (const auto& [label, size] : truth_size) scores.true_pairs += C2(size);
  std::sort(cells.begin(), cells.end());
  double bp = 0, br = 0;  // sums of per-response B-cubed precision and recall
  for (size_t i = 0; i < cells.size();) {
    size_t j = i;
    while (j < cells.size() && cells[j] == cells[i]) ++j;
    const std::uint64_t both = j - i;
    scores.correct_pairs += C2(both);
    bp += static_cast<double>(both) * both / predicted_size[cells[i].first];
    br += static_cast<double>(both) * both / truth_size[cells[i].second];
    i = j;
  }
  for (size_t i = 0; i < n; ++i) {
    if (truth[i] >= 0) continue;
    const std::uint64_t size = predicted_size[predicted[i]];
    bp += 1.0 / size;
    br += 1.0;
    if (size > 1) ++scores.uniques_merged;
  }
  if (scores.predicted_pairs > 0) {
    scores.pair_precision = static_cast<double>(scores.correct_pairs) / scores.predicted_pairs;
  }
  if (scores.true_pairs > 0) {
    scores.pair_recall = static_cast<double>(scores.correct_pairs) / scores.true_pairs;
  }
  scores.bcubed_precision = bp / n;
  scores.bcubed_recall = br / n;
  return scores;
}

}  // namespace plenary::campaigns
