// Refusals of the public forms are shown in the reader's language.
#include "site/refusals.h"

#include <gtest/gtest.h>

namespace plenary::site {
namespace {

TEST(RefusalText, FormRefusalsAreTranslated) {
  EXPECT_EQ(RefusalText(InvalidArgument("email", "email: not a valid e-mail address"), "fr"),
            "Cette adresse électronique n’est pas valide.");
  EXPECT_EQ(RefusalText(InvalidArgument("country",
                                        "country: must be an ISO 3166-1 alpha-2 code such as CH"),
                        "es"),
            "Elija un país de la lista.");
  EXPECT_EQ(RefusalText(InvalidArgument("name", "name: required"), "zh"), "“姓名”为必填项。");
  EXPECT_EQ(RefusalText(Error{Code::kTooLarge, "answers.2: at most 20000 characters", "answers.2"},
                        "fr"),
            "Le champ «\u00a0Réponse à la question 2\u00a0» est limité à 20\u202f000 caractères.");
  EXPECT_EQ(RefusalText(InvalidArgument("attachments", "attachments: \"a.exe\" is "
                                                       "application/x-dosexec; only PDF, DOCX, "
                                                       "ODT and plain text files are accepted"),
                        "ru"),
            "Файл «a.exe» не является файлом PDF, DOCX, ODT или простым текстом.");
  EXPECT_EQ(RefusalText(InvalidArgument("meetings", "meetings: x is not a meeting number"), "ar"),
            "اذكر أرقام اجتماعات هذا الفريق التي عُقدت، مفصولة بفواصل (مثلًا 16,17).");
}

TEST(RefusalText, EnglishKeepsTheRuleAndUnknownRefusalsKeepTheirMessage) {
  EXPECT_EQ(RefusalText(InvalidArgument("email", "email: not a valid e-mail address"), "en"),
            "This is not a valid e-mail address.");
  EXPECT_EQ(RefusalText(NotFound("consultation x: no such consultation"), "fr"),
            "consultation x: no such consultation");
}

}  // namespace
}  // namespace plenary::site
