// Atom feed writer (RFC 4287) on libxml2's xmlTextWriter.
#include "feeds/atom.h"

#include <libxml/xmlwriter.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace plenary::feeds {

namespace {

const xmlChar* X(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
const xmlChar* X(const std::string& s) { return X(s.c_str()); }

// Throws on a writer failure (out of memory): the caller answers 500, nothing half-sent.
void Check(int rc) {
  if (rc < 0) throw std::runtime_error("atom: xmlTextWriter failed");
}

class Writer {
 public:
  Writer() : buf_(xmlBufferCreate(), xmlBufferFree) {
    if (!buf_) throw std::runtime_error("atom: out of memory");
    w_ = xmlNewTextWriterMemory(buf_.get(), 0);
    if (!w_) throw std::runtime_error("atom: out of memory");
  }
  ~Writer() {
    if (w_) xmlFreeTextWriter(w_);
  }
  xmlTextWriterPtr get() { return w_; }
  std::string Finish() {
    Check(xmlTextWriterEndDocument(w_));
    xmlFreeTextWriter(w_);  // flushes into buf_
    w_ = nullptr;
    return std::string(reinterpret_cast<const char*>(xmlBufferContent(buf_.get())),
                       static_cast<std::size_t>(xmlBufferLength(buf_.get())));
  }
  void Element(const char* name, const std::string& text) {
    Check(xmlTextWriterWriteElement(w_, X(name), X(text)));
  }
  void Start(const char* name) { Check(xmlTextWriterStartElement(w_, X(name))); }
  void End() { Check(xmlTextWriterEndElement(w_)); }
  void Attr(const char* name, const std::string& value) {
    Check(xmlTextWriterWriteAttribute(w_, X(name), X(value)));
  }
  void Link(const char* rel, const std::string& href, const char* type) {
    Start("link");
    Attr("rel", rel);
    if (type) Attr("type", type);
    Attr("href", href);
    End();
  }

 private:
  std::unique_ptr<xmlBuffer, void (*)(xmlBufferPtr)> buf_;
  xmlTextWriterPtr w_ = nullptr;
};

}  // namespace

std::string WriteAtom(const AtomFeed& feed) {
  Writer w;
  Check(xmlTextWriterStartDocument(w.get(), "1.0", "UTF-8", nullptr));
  w.Start("feed");
  w.Attr("xmlns", "http://www.w3.org/2005/Atom");
  w.Attr("xml:lang", feed.lang);
  w.Element("id", feed.id);
  w.Element("title", feed.title);
  Instant updated = 0;
  for (const auto& e : feed.entries) updated = std::max(updated, e.updated);
  w.Element("updated", FormatIso(updated));
  w.Link("self", feed.self, "application/atom+xml");
  w.Link("alternate", feed.page, "text/html");
  w.Start("author");
  w.Element("name", feed.author);
  w.End();
  w.Start("generator");
  Check(xmlTextWriterWriteString(w.get(), X("Plenary")));
  w.End();
  for (const auto& e : feed.entries) {
    w.Start("entry");
    w.Element("id", e.id);
    w.Start("title");
    if (!e.title_lang.empty() && e.title_lang != feed.lang) w.Attr("xml:lang", e.title_lang);
    Check(xmlTextWriterWriteString(w.get(), X(e.title)));
    w.End();
    w.Link("alternate", e.url, "text/html");
    w.Element("updated", FormatIso(e.updated));
    w.Element("published", FormatIso(e.published));
    w.Start("category");
    w.Attr("term", e.category);
    w.End();
    if (!e.summary.empty()) {
      w.Start("summary");
      w.Attr("type", "text");
      Check(xmlTextWriterWriteString(w.get(), X(e.summary)));
      w.End();
    }
    w.End();
  }
  w.End();
  return w.Finish();
}

}  // namespace plenary::feeds
