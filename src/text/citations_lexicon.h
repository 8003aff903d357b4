// The word lists of the citation scanner (citations.cc): keywords, number signs, instrument
// names before and after the number, separators, qualifier words, conference venues and years,
// and abbreviations, in the six languages. Each list is written naturally and folded by the
// scanner's own normalisation (Fold) when first used, longest term first. Internal to
// text/citations; not part of its interface.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace plenary::text::lexicon {

using U32 = std::u32string;

// Defined by the scanner (citations.cc): its normalisation of `utf8` (lower case, ASCII
// punctuation and digits, no marks), and ASCII digits.
U32 Fold(std::string_view utf8);
bool IsDigit(char32_t c);

struct Term {
  U32 text;
  std::string value;
};
using Terms = std::vector<Term>;

// Folded terms, longest first (so that the first match is the longest).
Terms MakeTerms(std::initializer_list<std::pair<std::string_view, std::string_view>> list);

const Terms& Keywords();           // "resolution", "резолюция", "القرار", … ("d": "decision", …)
const Terms& RecommendationWords();  // "recommendation", "рекомендация", "التوصية", …
const Terms& Sectors();            // "ITU-T", "UIT-R", "МСЭ-D" → "ITU-T", "ITU-R", "ITU-D"
const Terms& DateConnectors();     // "of", "du", "de", "от", "المؤرخ" before a date in a list
const Terms& NumberSigns();        // "no.", "n°", "№", "رقم"
const Terms& PrefixNames();        // instrument names before the keyword or before 第
const Terms& MidNames();           // instrument names between the keyword and the number
const Terms& PostfixConnectors();  // words that introduce an instrument after the number
const Terms& PostfixNames();       // instrument names after a connector
const Terms& ArabicLetterNames();  // "ألف", "باء", … : the letter of a resolution in Arabic
const Terms& Authors();            // "the economic and social council," opening a resolution
const Terms& LatinSeparators();    // "and", "et", "y", "и", "و" between numbers of one phrase
const Terms& ChineseSeparators();  // "、", ",", "和", "及", … between numbers of one phrase
const Terms& PhraseSeparators();   // what may stand between two phrases of one list
const Terms& QualifierWords();     // "rev.", "revised", "修订版", … ("r"); fillers ("f")
const Terms& Places();             // conference venues in the six languages → English name

// The conference a resolution qualified "(place, year)" comes from ("pp", "wtdc", …), or "".
std::string_view ConferenceAt(std::string_view place, int year);
// The place of the conference of `instrument` ("wrc", "pp", …) held in `year`, or "".
std::string_view ConferencePlace(std::string_view instrument, int year);
// A character of an instrument abbreviation ("PP-18", "ITU-T", "ПК-18").
bool IsAbbrevChar(char32_t c);
// "pp", "PP-18", "WTDC-17", "ITU-T", "ПК-18", "CMDT" → instrument, or "".
std::string AbbrevInstrument(const U32& token);

}  // namespace plenary::text::lexicon
