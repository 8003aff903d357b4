// A document's multilingual texts as site/text_edit.h edits them, with each language's state:
// its title and summary, written by documents' own Update (PATCH /api/v1/documents/{symbol}).
#pragma once
#include <boost/json.hpp>

#include "documents/documents.h"
#include "site/text_edit.h"

namespace plenary::documents {

// Owner "document": title and summary (/admin/translations/document/{id}).
site::TextOwner DocumentTexts();
// {title: {lang: state}, summary: {lang: state}} of a document.
boost::json::object TextStatesJson(storage::Database& db, const Document& d);

}  // namespace plenary::documents
