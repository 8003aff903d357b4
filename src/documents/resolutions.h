// The registry of resolutions: instrument (Plenipotentiary Conference, Council, WTDC, WTSA,
// WRC, RA), number, title per language, versions ("Rev. Dubai, 2018"), status (in force,
// abrogated, merged into another resolution), and what cites each one.
//
// "Cited by" is found with text::ExtractCitations: in documents' titles and summaries through
// the `citations` table (filled when a document is created, in its transaction), and in
// consultations (title, description, published summary) and meeting actions at query time,
// so that it follows their edits without any hook in those use cases.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "base/result.h"
#include "documents/documents.h"
#include "render/model.h"
#include "storage/db.h"
#include "text/citations.h"

namespace plenary::documents {

inline constexpr const char* kInstruments[] = {"pp", "council", "wtdc", "wtsa", "wrc", "ra"};
inline constexpr const char* kResolutionStatuses[] = {"in_force", "abrogated", "merged"};
bool IsInstrument(std::string_view s);

struct Revision {
  int year = 0;
  std::string place;              // canonical English name ("Dubai"); "" for the Council
  boost::json::value place_names;  // multilingual, for display
  bool revised = false;           // false: adopted then; true: revised then
};

struct ResolutionRef {
  std::string instrument;
  int number = 0;
};

struct Resolution {
  std::int64_t id = 0;
  std::string instrument;
  int number = 0;
  boost::json::value title;  // multilingual
  std::string status;        // in_force | abrogated | merged
  std::optional<ResolutionRef> merged_into;
  std::optional<int> status_year;    // when abrogated or merged
  std::vector<Revision> revisions;   // oldest first; the last is the one in force
  std::vector<ResolutionRef> merged_from;  // resolutions merged into this one
  // The document it was adopted from (a negotiated text's last revision), when known; its
  // symbol is shown only when the document is public.
  std::optional<std::int64_t> document_id;
  std::string document_symbol, document_access;
};

// `number` is the decimal number as in the URL. NotFound for an unknown instrument or number.
Result<Resolution> GetResolution(storage::Database& db, const std::string& instrument,
                                 const std::string& number);
// Filters are optional; 400 for an unknown instrument or status.
Result<std::vector<Resolution>> ListResolutions(storage::Database& db,
                                                const std::optional<std::string>& instrument,
                                                const std::optional<std::string>& status);

// Documents (visible to the viewer), consultations and meeting actions citing the resolution.
std::vector<Citing> ResolutionCitedBy(storage::Database& db, const Resolution& r,
                                      const Viewer& viewer);

struct RevisionInput {
  int year = 0;
  boost::json::value place;  // "Dubai" or {"en": "Dubai", "zh": "迪拜"}; English required
  bool revised = true;
};

struct ResolutionInput {
  std::string instrument;
  int number = 0;
  boost::json::value title;
  std::vector<RevisionInput> revisions;  // at least one
  std::string status = "in_force";
  std::optional<ResolutionRef> merged_into;  // required when status is merged
  std::optional<int> status_year;            // required when abrogated or merged
  std::optional<std::int64_t> document_id;   // the document it was adopted from, if known
};

// Registers a resolution. Errors: 400 naming the field, 409 when (instrument, number) exists.
Result<Resolution> CreateResolution(storage::Database& db, std::optional<std::int64_t> user_id,
                                    const ResolutionInput& in);
Result<std::int64_t> CreateResolutionOn(storage::Connection& c,
                                        std::optional<std::int64_t> user_id,
                                        const ResolutionInput& in);

// The instrument and number of registered resolution `id` (for a capability above that keeps
// the id, e.g. the text a resolution adopted), or nullopt.
std::optional<ResolutionRef> ResolutionRefOf(storage::Connection& c, std::int64_t id);

// The page of the registered resolution a citation names ("/resolutions/pp/102", without the
// language prefix), or nullopt.
std::optional<std::string> ResolutionUrl(storage::Database& db, const text::Citation& citation);

// "Resolution 102", "Council Resolution 1336", "第102号决议" in `lang`.
std::string ResolutionName(const std::string& lang, const std::string& instrument, int number);
// "Rev. Dubai, 2018", "2018年，迪拜，修订版", "Rev. 2019" in `lang`.
std::string RevisionLabel(const std::string& lang, const Revision& r);

// The resolution in `lang` as the document model (kind "resolution"), for its Akoma Ntoso
// <statement name="resolution">: number (docNumber), its full name with the version in force
// as title, its title, its status (abrogated or merged, with the year and the target) and its
// versions. The registry holds years only: dated 1 January of the version in force's year, and
// the FRBR work IRI carries the year alone (/akn/un/statement/resolution/pp/2018/102).
render::Document ResolutionStatement(const Resolution& r, const std::string& lang);

// The resolutions CWG-Internet and the Council 2022 record cite: Plenipotentiary Resolutions
// 101, 102, 130, 133, 140, 174, 180, 186, 206 and Council Resolutions 1305, 1336, 1344 (merged
// into 1336, 2019). Runs on the caller's transaction.
Status LoadRegistry(storage::Connection& c);

// A text with its citations made links, for pages: documents/citation_links.h.

// Citations in the public texts of the site (consultations, meeting actions, public document
// titles and summaries) that resolve to nothing: for the secretariat to correct.
struct Unresolved {
  std::string where;  // e.g. "consultation environment", "action 2.7.3 (meeting 3)"
  std::string url;    // the page, without the language prefix
  text::Citation citation;
};
// The public texts of a capability above documents, handed down for that list (documents reads
// none of their tables): where they are, the page, and the texts as stored (multilingual JSON,
// {"en": "…"}). The app sets the sources once at start (SetCheckedTextSources); the list
// scans them in the order given, then the meetings' actions (meetings::ActionTexts).
struct CheckedText {
  std::string where;  // e.g. "consultation environment"
  std::string url;
  std::vector<std::string> texts;
};
using CheckedTextSource = std::function<std::vector<CheckedText>(storage::Connection& c)>;
void SetCheckedTextSources(std::vector<CheckedTextSource> sources);
std::vector<Unresolved> UnresolvedCitations(storage::Database& db);

}  // namespace plenary::documents
