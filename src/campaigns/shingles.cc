// The campaign tokenizer (ICU normalisation, word break, CJK bigrams, Arabic folding) and shingles.
#include "campaigns/shingles.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace plenary::campaigns {
namespace {

// True for Arabic marks that only carry vocalisation or recitation hints, and for tatweel.
bool IsArabicIgnorable(UChar32 c) {
  return (c >= 0x0610 && c <= 0x061A) ||  // Quranic honorifics and small marks
         (c >= 0x064B && c <= 0x065F) ||  // tanwin, harakat, shadda, sukun, madda and hamza marks
         c == 0x0670 ||                   // superscript (dagger) alef
         (c >= 0x06D6 && c <= 0x06DC) ||  // Quranic annotation signs
         (c >= 0x06DF && c <= 0x06E4) || c == 0x06E7 || c == 0x06E8 ||
         (c >= 0x06EA && c <= 0x06ED) || c == 0x0640;  // tatweel (kashida)
}

// Arabic letter folding; other code points are returned unchanged.
UChar32 FoldArabicLetter(UChar32 c) {
  switch (c) {
    case 0x0622:      // آ alef with madda
    case 0x0623:      // أ alef with hamza above
    case 0x0625:      // إ alef with hamza below
    case 0x0671:      // ٱ alef wasla
    case 0x0672:      // ٲ alef with wavy hamza above
    case 0x0673:      // ٳ alef with wavy hamza below
      return 0x0627;  // ا
    case 0x0629:      // ة teh marbuta
      return 0x0647;  // ه
    case 0x0649:      // ى alef maksura
    case 0x06CC:      // ی Persian yeh
      return 0x064A;  // ي
    case 0x06A9:      // ک keheh
      return 0x0643;  // ك
    default:
      return c;
  }
}

// Removes Arabic ignorables, folds Arabic letters and turns decimal digits into ASCII digits.
// Folding never lengthens the text, so it writes into a buffer of the input's length.
icu::UnicodeString FoldLetters(const icu::UnicodeString& in) {
  const char16_t* s = in.getBuffer();
  const int32_t n = in.length();
  icu::UnicodeString out;
  char16_t* dst = out.getBuffer(n);
  int32_t length = 0;
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U16_NEXT(s, i, n, c);
    if (c >= 0x80) {
      if (IsArabicIgnorable(c)) continue;
      c = FoldArabicLetter(c);
      if (u_charType(c) == U_DECIMAL_DIGIT_NUMBER) {
        const int32_t d = u_charDigitValue(c);
        if (d >= 0 && d <= 9) c = '0' + d;
      }
    }
    U16_APPEND_UNSAFE(dst, length, c);
  }
  out.releaseBuffer(length);
  return out;
}

// True for the scripts whose runs become character bigrams.
bool IsBigramScript(UChar32 c) {
  if (c < 0x2E80) return false;  // below the CJK radicals: no Han or kana
  if (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) return true;
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(c, &status);
  if (U_FAILURE(status)) return false;
  if (script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA) {
    return true;
  }
  // The prolonged sound mark and kana iteration marks are Common/Inherited but live inside kana.
  return c == 0x30FC || c == 0x30FD || c == 0x30FE || c == 0x309D || c == 0x309E;
}

void AppendUtf8(UChar32 c, std::string& out) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// Emits the overlapping bigrams of a Han/kana run and empties it.
void FlushRun(std::vector<UChar32>& run, std::vector<std::string>& tokens) {
  if (run.size() == 1) {
    std::string t;
    AppendUtf8(run[0], t);
    tokens.push_back(std::move(t));
  }
  for (size_t i = 0; i + 1 < run.size(); ++i) {
    std::string t;
    AppendUtf8(run[i], t);
    AppendUtf8(run[i + 1], t);
    tokens.push_back(std::move(t));
  }
  run.clear();
}

const icu::Normalizer2& NfkcCasefold() {
  static const icu::Normalizer2* normalizer = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC_Casefold data is missing");
    return n;
  }();
  return *normalizer;
}

// One word break iterator per thread: creating one costs far more than tokenizing a response.
icu::BreakIterator& WordBreaker() {
  static const std::unique_ptr<icu::BreakIterator> prototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU word break data is missing");
    return it;
  }();
  thread_local std::unique_ptr<icu::BreakIterator> mine(prototype->clone());
  return *mine;
}

}  // namespace

std::vector<std::string> CampaignTokens(std::string_view text) {
  std::vector<std::string> tokens;
  if (text.size() >= 0x7FFFFFFF) throw std::length_error("CampaignTokens: text of 2 GiB or more");
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString raw = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString normal = NfkcCasefold().normalize(raw, status);
  if (U_FAILURE(status)) return tokens;
  // Folding can expose new normalisation opportunities only for Arabic letters, which are already
  // in NFKC form after the mapping, so one pass of each is enough.
  const icu::UnicodeString folded = FoldLetters(normal);

  icu::BreakIterator& words = WordBreaker();
  words.setText(folded);
  const char16_t* s = folded.getBuffer();
  std::vector<UChar32> run;
  int32_t start = words.first();
  for (int32_t end = words.next(); end != icu::BreakIterator::DONE;
       start = end, end = words.next()) {
    if (words.getRuleStatus() < UBRK_WORD_NONE_LIMIT) {  // spaces, punctuation, symbols
      FlushRun(run, tokens);
      continue;
    }
    // Split the segment into Han/kana stretches (added to the run) and the rest (one word each).
    std::string word;
    for (int32_t i = start; i < end;) {
      UChar32 c;
      U16_NEXT(s, i, end, c);
      if (IsBigramScript(c)) {
        if (!word.empty()) {
          tokens.push_back(std::move(word));
          word.clear();
        }
        run.push_back(c);
      } else {
        if (!run.empty()) FlushRun(run, tokens);
        AppendUtf8(c, word);
      }
    }
    if (!word.empty()) tokens.push_back(std::move(word));
  }
  FlushRun(run, tokens);
  return tokens;
}

std::uint64_t HashBytes(std::string_view bytes, std::uint64_t seed) {
  std::uint64_t h = 0xcbf29ce484222325ULL ^ Mix64(seed);
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return Mix64(h ^ bytes.size());
}

std::vector<std::uint64_t> Shingles(std::span<const std::string> tokens, int k,
                                    std::uint64_t seed) {
  std::vector<std::uint64_t> out;
  if (tokens.empty()) return out;
  if (k < 1) k = 1;
  std::vector<std::uint64_t> th(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) th[i] = HashBytes(tokens[i], seed);
  const size_t width = std::min<size_t>(k, th.size());
  const size_t count = th.size() - width + 1;
  out.reserve(count);
  const std::uint64_t start = Mix64(seed ^ 0x5348494e474c45ULL);  // "SHINGLE"
  for (size_t i = 0; i < count; ++i) {
    std::uint64_t h = start;
    for (size_t j = 0; j < width; ++j) h = Mix64(h ^ th[i + j]) + j;
    out.push_back(h);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::uint64_t SequenceHash(std::span<const std::string> tokens, std::uint64_t seed) {
  std::uint64_t h = Mix64(seed ^ 0x53455155454e4345ULL);  // "SEQUENCE"
  for (const std::string& t : tokens) h = Mix64(h ^ HashBytes(t, seed)) + 0x632be59bd9b4e019ULL;
  return Mix64(h ^ tokens.size());
}

}  // namespace plenary::campaigns
