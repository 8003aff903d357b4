// Import routes: translate the request into the importer's input and its plan into JSON, or,
// on the desk page (/admin/imports), into a page in the reader's language: upload, preview,
// confirm.
#include "imports/web.h"

#include <memory>

#include "site/desk.h"
#include "site/refusals.h"
#include "site/site.h"
#include "text/messages.h"

namespace plenary::imports {

using http::Request;
using text::T;

namespace {

// The CSV and the ZIP of a multipart post ("csv" as a file or a field, "files"), within the
// limits of an import.
struct Upload {
  std::string csv, zip, kind;
  site::Input input;
};
// `kind`, when given, receives the kind chosen in the form whenever its fields could be read,
// so that a refused form shows it again.
Result<Upload> ReadUpload(const Request& req, std::string* kind = nullptr) {
  http::MultipartLimits ml;
  ml.max_files = 2;
  ml.max_file_bytes = 30u << 20;  // the request body's own limit
  ml.max_field_bytes = 30u << 20;
  auto in = site::ReadInput(req, ml);
  if (!in.ok()) return in.error();
  if (in->json)
    return InvalidArgument("body",
                           "body: send multipart/form-data with \"csv\" and, for files, \"files\"");
  Upload u;
  u.csv = in->fields.Get("csv").value_or("");
  u.kind = in->fields.Get("kind").value_or("documents");
  if (kind) *kind = u.kind;
  for (auto& p : in->files) {
    if (p.name == "csv")
      u.csv = std::move(p.data);
    else if (p.name == "files")
      u.zip = std::move(p.data);
    else
      return InvalidArgument(p.name, p.name + ": only \"csv\" and \"files\" are read");
  }
  if (u.csv.empty()) return InvalidArgument("csv", "csv: required");
  u.input = std::move(*in);
  return u;
}

// A refusal of a CSV column as a field the catalogue has a label for: "title_zh" and "file_fr"
// are one language of "title" and "file" ("title.zh"), so that the page names them.
Error ForLabel(const Refusal& r) {
  std::string field = r.field, message = r.reason;
  const std::size_t cut = field.rfind('_');
  if (cut != std::string::npos && text::IsLanguage(field.substr(cut + 1))) {
    field[cut] = '.';
    if (message.starts_with(r.field + ": ")) message = field + message.substr(r.field.size());
  }
  return Error{Code::kInvalidArgument, message, field};
}

// The desk page: the upload form, and the preview of `plan` when given.
http::Response DeskPage(storage::Database& db, const Request& req, const Plan* plan) {
  const std::string& lang = req.lang;
  site::Page page(db, req, "admin_import.tpl", T(lang, "import_title"));
  auto& d = page.body();
  const auto flashed = site::ShowFlash(db, req, d);
  // The kind chosen before a refusal (site::Refill: import-kind), else documents.
  d.ShowSection(flashed && flashed->Kept("import-kind") == "resolutions" ? "KIND_RESOLUTIONS"
                                                                          : "KIND_DOCUMENTS");
  // Files are never sent again by a browser: after a refusal, the summary says so.
  if (req.query.Get("error")) d.SetValueAndShowSection("FILES_AGAIN", T(lang, "form_error_files_again"), "HAS_FILES_AGAIN");
  if (!plan) return page.Render();
  auto* p = d.AddSectionDictionary("PREVIEW");
  p->SetValue("KIND_LABEL", T(lang, "import_kind_" + plan->kind));
  p->SetValue("PREVIEW_ID", plan->preview_id);
  auto rows = [&](const char* section, const std::vector<RowPlan>& list) {
    auto* s = p->AddSectionDictionary(section);
    s->SetIntValue("COUNT", static_cast<long>(list.size()));
    for (const auto& r : list) {
      auto* x = s->AddSectionDictionary("ROW");
      x->SetIntValue("LINE", r.row);
      x->SetValue("WHAT", r.symbol);
      std::string files;
      for (const auto& f : r.files) files += (files.empty() ? "" : ", ") + T(f, "language_name");
      x->SetValue("FILES", files);
    }
  };
  rows("CREATE", plan->create);
  rows("UPDATE", plan->update);
  rows("UNCHANGED", plan->unchanged);
  auto* refused = p->AddSectionDictionary("REFUSE");
  refused->SetIntValue("COUNT", static_cast<long>(plan->refuse.size()));
  for (const auto& r : plan->refuse) {
    auto* x = refused->AddSectionDictionary("ROW");
    x->SetIntValue("LINE", r.row);
    x->SetValue("FIELD", r.field);
    x->SetValue("REASON", r.key.empty() ? site::RefusalText(ForLabel(r), lang) : T(lang, r.key, r.args));
  }
  if (plan->create.empty() && plan->update.empty())
    p->ShowSection("NOTHING");
  else
    p->ShowSection("CONFIRM");
  return page.Render();
}

}  // namespace

void RegisterRoutes(http::Router& router, storage::Database& db, ImportLimits limits) {
  auto importer = std::make_shared<Importer>(db, limits);
  for (const char* kind : kImportKinds)
    router.Add("POST", std::string("/api/v1/imports/") + kind, [&db, importer, kind](Request& req) {
      auto g = site::RequireStaff(db, req, true);
      if (g.refusal) return *g.refusal;
      auto u = ReadUpload(req);
      if (!u.ok()) return http::JsonError(u.error());
      auto plan = importer->Preview(*g.session, u->csv, u->zip, kind);
      if (!plan.ok()) return http::JsonError(plan.error());
      return http::Json(plan->Json());
    });
  router.Add("POST", "/api/v1/imports/{id}/confirm", [&db, importer](Request& req) {
    auto g = site::RequireStaff(db, req, true);
    if (g.refusal) return *g.refusal;
    auto plan = importer->Confirm(*g.session, req.params[0]);
    if (!plan.ok()) return http::JsonError(plan.error());
    return http::Json(plan->Json());
  });

  // The desk page: the same Importer, the same use cases.
  router.Add("GET", "/admin/imports", [&db](Request& req) {
    auto g = site::RequireStaff(db, req, false);
    if (g.refusal) return *g.refusal;
    return DeskPage(db, req, nullptr);
  });
  router.Add("POST", "/admin/imports", [&db, importer](Request& req) {
    std::string kind;
    auto u = ReadUpload(req, &kind);
    // The input a refusal concerns (the CSV unless it is the ZIP), named by the form's label.
    auto back = [&](const Error& e) {
      const bool zip = e.field == "files";
      return site::BackWithError(db, req, "/admin/imports", e, zip ? "import-files" : "import-csv",
                                 {.label_key = zip ? "import_files" : "import_csv",
                                  .kept = {{"import-kind", kind}}});
    };
    if (!u.ok()) return back(u.error());
    auto g = site::RequireStaff(db, req, true, u->input.fields.Get("csrf").value_or(""));
    if (g.refusal) return *g.refusal;
    auto plan = importer->Preview(*g.session, u->csv, u->zip, u->kind);
    if (!plan.ok()) return back(plan.error());
    return DeskPage(db, req, &*plan);
  });
  router.Add("POST", "/admin/imports/{id}/confirm", [&db, importer](Request& req) {
    auto post = site::ReadPost(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto& p = std::get<site::Post>(post);
    auto plan = importer->Confirm(p.session, req.params[0]);
    if (!plan.ok()) return site::BackWithError(db, req, "/admin/imports", plan.error());
    return site::Back(req, "/admin/imports", "import");
  });
}

}  // namespace plenary::imports
