#pragma once

#include <string>
#include <vector>

#include "run_command.hpp"

namespace broadside::test {

/// The repository's source folder and the built program, from CMake.
inline const std::string source_dir = BROADSIDE_SOURCE_DIR;
inline const std::string program = BROADSIDE_BINARY;

/// A fresh, empty folder for one test (scratch_folder).
std::string work_dir(const std::string& name);

/// Runs `broadside ARGS` (already quoted) in `dir` with SOURCE_DATE_EPOCH unset.
CommandResult run_broadside(const std::string& dir, const std::string& args);

/// EPUBCheck's verdict on a book.
struct EpubCheck {
    int status = -1;
    int fatals = -1, errors = -1, warnings = -1;
    std::string output;  ///< everything it printed, for failure messages
};

/// Runs Debian's EPUBCheck (`java -jar /usr/share/java/epubcheck.jar`) and parses its
/// "Messages: N fatals / N errors / N warnings" line; counts stay -1 when it did not run.
EpubCheck epubcheck(const std::string& book);

/// Every XML file of a book (XHTML, OPF, NCX, SVG, container.xml) that libxml2 finds not
/// well-formed, as "EPUB/chapters/x.xhtml:12: message"; empty when all are well-formed.
std::vector<std::string> malformed_xml_files(const std::string& book);

/// The names of the entries of a zip, in archive order (`zipinfo -1`).
std::vector<std::string> zip_entries(const std::string& zip);

/// One entry's bytes (`unzip -p`).
std::string zip_entry(const std::string& zip, const std::string& name);

/// The text of an XHTML content document's body as a reader sees it: tags stripped, entities
/// decoded, `<img>` replaced by its alt text, and elements with the class `bs-x` (the book's
/// own additions) left out.
std::string xhtml_body_text(const std::string& xhtml);

/// The text inside the first element `<tag …>` with class `cls`, tags stripped.
std::string element_text(const std::string& xhtml, const std::string& cls);

bool contains(const std::string& s, const std::string& part);

}  // namespace broadside::test
