// Tests of language identification on real sentences of each UN language.
#include "text/detect.h"

#include <gtest/gtest.h>

namespace plenary::text {
namespace {

TEST(DetectLanguage, RecognisesEachUnLanguage) {
  EXPECT_EQ(DetectLanguage("The Internet has a growing environmental footprint, and data centres "
                           "should use renewable energy."),
            "en");
  EXPECT_EQ(DetectLanguage("L'Internet a une empreinte environnementale croissante et les centres "
                           "de données devraient utiliser des énergies renouvelables."),
            "fr");
  EXPECT_EQ(DetectLanguage("Internet tiene una huella ambiental creciente y los centros de datos "
                           "deberían utilizar energías renovables."),
            "es");
  EXPECT_EQ(DetectLanguage("Интернет оказывает растущее воздействие на окружающую среду, и "
                           "центрам обработки данных следует использовать возобновляемую энергию."),
            "ru");
  EXPECT_EQ(DetectLanguage("للإنترنت بصمة بيئية متزايدة، وينبغي لمراكز البيانات أن تستخدم الطاقة "
                           "المتجددة."),
            "ar");
  EXPECT_EQ(DetectLanguage("互联网对环境的影响日益增加，数据中心应当使用可再生能源，以减少碳排放。"),
            "zh");
}

TEST(DetectLanguage, SaysNothingWhenUnsureOrNotAUnLanguage) {
  EXPECT_EQ(DetectLanguage("ok"), std::nullopt);
  EXPECT_EQ(DetectLanguage("Das Internet hat einen wachsenden ökologischen Fußabdruck, und "
                           "Rechenzentren sollten erneuerbare Energie nutzen."),
            std::nullopt);
  EXPECT_EQ(DetectLanguage(std::string("\xff\xfe invalid bytes and some English words here")),
            std::nullopt);
}

}  // namespace
}  // namespace plenary::text
