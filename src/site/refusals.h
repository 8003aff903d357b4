// A refusal (an Error of a use case) as a page shows it: a sentence in the reader's language
// from the catalogue, with the field's label, next to its field and in a summary at the top of
// the form. THE ONE PLACE every form (public, sign-in, desk) goes through:
//
//   In the handler, when a use case refuses:
//     site::FormErrors errors(req.lang, consultation.timezone);  // zone: times in messages
//     errors.Add(result.error());            // the field's input id is the field, '.' → '_'
//     errors.Add(result.error(), "answer_2");  // or name the input id yourself
//     errors.Fill(&form_dict);               // then re-render the form with what was typed
//   In the template (any dictionary the form's markup sees):
//     {{>FORM_ERRORS}}                       at the top of the form: the summary, which takes
//                                            the focus and links to each field
//     <input id="title" name="title" value="{{V_TITLE}}"{{#E_title}} aria-invalid="true"
//       aria-describedby="title-error"{{/E_title}}>
//     {{#E_title}}<p class="field-error" id="title-error">{{E_MSG}}</p>{{/E_title}}
//
// The use case names the field (Error::field) and writes its message "field: rule" in English
// for the API and the logs. The rule becomes a sentence when it is one of these wordings:
//   required | at most N characters | at least N characters | not valid UTF-8 |
//   expected YYYY-MM-DD |
//   expected YYYY-MM-DDTHH:MM | must be one of … / must be a or b | no such … |
//   a positive whole number | must be a whole number from A to B | must be after <other field> |
//   must be in the future | must be later than the current deadline <ISO instant>
// and a form post over the server's limit (site::BodyCutError: "the form and its files must be
// at most N MB in all"), which FormErrors links to the input the form names (its file input);
// and, for an edit of a consultation (409): "the consultation has responses", "may be reworded,
// not added or removed", "would make the consultation <status>"; "must be a meeting of kind
// open_consultation"
// and the field's label is the catalogue's `field_<field>` (add it in all six languages). Any
// other rule on a labelled field says "“Label” is not valid." (English pages keep the rule
// after the label); a refusal without a field says what its code means (not found, conflict,
// rate limited…). No field code, media type or English rule reaches another language's page.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <ctemplate/template.h>

#include "base/result.h"
#include "http/message.h"

namespace plenary::site {

// The catalogue's sentence for `e` in `lang` (form_error_*, error_*); times in `zone`.
// `label`, when not empty, is the field's label as the form shows it (it replaces FieldLabel).
std::string RefusalText(const Error& e, const std::string& lang, const std::string& zone = "UTC",
                        const std::string& label = "");
// The version a negotiated text is at now when `e` refuses a change made on an older one
// (drafting.cc, ChangeText: 409 `version`, "the text is at version N, not M"); none otherwise.
std::optional<std::string> StaleVersion(const Error& e);
// The label of a use case's field in `lang`: `field_<field>` (lower case, '-' as '_'), "Answer
// to question 2" for answers.2, "Title (French)" for title.fr, the whole field's label for a
// part of it (questions[1].text); "" when the catalogue has none (refusals_test.cc fails on a
// field the use cases name without a label).
std::string FieldLabel(const std::string& field, const std::string& lang);

// The last step of every answer (the server's `finish`): a JSON error (http::JsonError) says
// its `message` in the client's language (req.lang: /xx/, ?lang=, the cookie, Accept-Language)
// with the catalogue's sentence, every other member kept (`code`, `field`…); English keeps the
// use case's own words. The answer then carries Content-Language and Vary.
void LocalizeError(const http::Request& req, http::Response& resp);

// The refusals of one form post, shown in its summary and next to their fields.
class FormErrors {
 public:
  explicit FormErrors(std::string lang, std::string zone = "UTC")
      : lang_(std::move(lang)), zone_(std::move(zone)) {}
  // A use case's refusal; `input_id` is the id of the input it concerns ("" = the field with
  // '.' as '_'; a refusal without a field has no input and is listed unlinked).
  // `label`: the field's label as the form shows it, when it differs from the catalogue's
  // `field_<field>` ("Reason for the extension" for "reason").
  void Add(const Error& e, std::string input_id = "", const std::string& label = "");
  // A sentence already in the reader's language, for input `input_id` ("" = none).
  void AddText(std::string text, std::string input_id = "");
  bool empty() const { return items_.empty(); }
  // The first message for input `input_id`, for inputs in repeated sections (answer_3), where
  // the template names its own section.
  std::optional<std::string> MessageFor(const std::string& input_id) const;
  // The summary (include FORM_ERRORS → form_errors.tpl) and, per input, section E_<id> ('-'
  // written '_': input "x-deadline" → E_x_deadline) with E_ID and E_MSG. Nothing without error.
  void Fill(ctemplate::TemplateDictionary* d) const;

 private:
  struct Item {
    std::string id;
    std::string text;
  };
  std::string lang_;
  std::string zone_;
  std::vector<Item> items_;
};

}  // namespace plenary::site
