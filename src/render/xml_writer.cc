// XmlWriter over xmlTextWriter and an xmlBuffer.
#include "render/xml_writer.h"

#include <stdexcept>

namespace plenary::render {

namespace {
const xmlChar* X(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
void Check(int rc) {
  // Writing to memory fails only when memory runs out.
  if (rc < 0) throw std::runtime_error("xmlTextWriter failed");
}
}  // namespace

XmlWriter::XmlWriter() : buffer_(xmlBufferCreate()), writer_(nullptr) {
  if (!buffer_) throw std::bad_alloc();
  writer_ = xmlNewTextWriterMemory(buffer_, 0);
  if (!writer_) {
    xmlBufferFree(buffer_);
    throw std::bad_alloc();
  }
  Check(xmlTextWriterStartDocument(writer_, nullptr, "UTF-8", "yes"));
}

XmlWriter::~XmlWriter() {
  if (writer_) xmlFreeTextWriter(writer_);
  xmlBufferFree(buffer_);
}

XmlWriter& XmlWriter::Start(const char* name) {
  Check(xmlTextWriterStartElement(writer_, X(name)));
  return *this;
}

XmlWriter& XmlWriter::Attr(const char* name, std::string_view value) {
  std::string v(value);
  Check(xmlTextWriterWriteAttribute(writer_, X(name), X(v.c_str())));
  return *this;
}

XmlWriter& XmlWriter::Text(std::string_view text) {
  std::string v(text);
  Check(xmlTextWriterWriteString(writer_, X(v.c_str())));
  return *this;
}

XmlWriter& XmlWriter::End() {
  Check(xmlTextWriterEndElement(writer_));
  return *this;
}

std::string XmlWriter::Finish() {
  Check(xmlTextWriterEndDocument(writer_));
  xmlFreeTextWriter(writer_);  // flushes into buffer_
  writer_ = nullptr;
  return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer_)),
                     static_cast<std::size_t>(xmlBufferLength(buffer_)));
}

}  // namespace plenary::render
