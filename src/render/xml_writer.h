// A thin RAII wrapper over libxml2's xmlTextWriter writing to memory, shared by the DOCX and
// Akoma Ntoso renderers: elements, attributes and text are escaped by libxml2, never pasted.
#pragma once
#include <libxml/xmlwriter.h>

#include <string>
#include <string_view>

namespace plenary::render {

class XmlWriter {
 public:
  XmlWriter();
  ~XmlWriter();
  XmlWriter(const XmlWriter&) = delete;
  XmlWriter& operator=(const XmlWriter&) = delete;

  XmlWriter& Start(const char* name);
  XmlWriter& Attr(const char* name, std::string_view value);
  XmlWriter& Text(std::string_view text);
  XmlWriter& End();
  // An element with only attributes: Empty("w:b") writes <w:b/>.
  XmlWriter& Empty(const char* name) { return Start(name).End(); }
  // <name val=value/> in one call, the common form of WordprocessingML properties.
  XmlWriter& Val(const char* name, std::string_view value) {
    return Start(name).Attr("w:val", value).End();
  }
  // Ends every open element and the document; the bytes written.
  std::string Finish();

 private:
  xmlBufferPtr buffer_;
  xmlTextWriterPtr writer_;
};

}  // namespace plenary::render
