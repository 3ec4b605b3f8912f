#include "epub_support.hpp"

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "broadside/core/utf8.hpp"
#include "scratch_folder.hpp"

namespace broadside::test {
namespace {

std::string decode_entities(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out += s[i];
            continue;
        }
        std::size_t semi = s.find(';', i);
        std::string name = s.substr(i + 1, semi - i - 1);
        if (name == "amp")
            out += '&';
        else if (name == "lt")
            out += '<';
        else if (name == "gt")
            out += '>';
        else if (name == "quot")
            out += '"';
        else if (name == "apos")
            out += '\'';
        else if (!name.empty() && name[0] == '#') {
            bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
            core::append_utf8(out, static_cast<char32_t>(std::stoul(name.substr(hex ? 2 : 1),
                                                                    nullptr, hex ? 16 : 10)));
        } else {
            out += s.substr(i, semi - i + 1);
        }
        i = semi;
    }
    return out;
}

std::string attribute(const std::string& tag, const std::string& name) {
    std::regex re("\\s" + name + "=\"([^\"]*)\"");
    std::smatch m;
    return std::regex_search(tag, m, re) ? decode_entities(m[1].str()) : std::string{};
}

bool has_class(const std::string& tag, const std::string& cls) {
    std::istringstream classes(attribute(tag, "class"));
    for (std::string c; classes >> c;) {
        if (c == cls) return true;
    }
    return false;
}

}  // namespace

bool contains(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}

std::string work_dir(const std::string& name) {
    return scratch_folder(name).string();
}

CommandResult run_broadside(const std::string& dir, const std::string& args) {
    return run_command("cd " + shell_quote(dir) + " && env -u SOURCE_DATE_EPOCH " +
                       shell_quote(program) + " " + args);
}

EpubCheck epubcheck(const std::string& book) {
    EpubCheck r;
    auto run = run_command("java -jar /usr/share/java/epubcheck.jar " + shell_quote(book));
    r.status = run.status;
    r.output = run.out + run.err;
    std::smatch m;
    std::regex re(R"(Messages: (\d+) fatals / (\d+) errors / (\d+) warnings)");
    if (std::regex_search(r.output, m, re)) {
        r.fatals = std::stoi(m[1].str());
        r.errors = std::stoi(m[2].str());
        r.warnings = std::stoi(m[3].str());
    }
    return r;
}

std::vector<std::string> malformed_xml_files(const std::string& book) {
    namespace fs = std::filesystem;
    const fs::path dir = book + ".unzipped";
    fs::remove_all(dir);
    fs::create_directories(dir);
    run_command("unzip -q -o " + shell_quote(book) + " -d " + shell_quote(dir.string()));
    std::vector<std::string> problems;
    for (const auto& name : zip_entries(book)) {
        const std::string ext = fs::path(name).extension().string();
        if (ext != ".xhtml" && ext != ".opf" && ext != ".ncx" && ext != ".svg" && ext != ".xml") {
            continue;
        }
        std::ifstream in(dir / name, std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), {});
        // No network and no DTD loading: a book's files must stand on their own.
        xmlDocPtr doc =
            xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), name.c_str(), nullptr,
                          XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
        if (doc) {
            xmlFreeDoc(doc);
            continue;
        }
        const xmlError* e = xmlGetLastError();
        problems.push_back(name + ":" + std::to_string(e ? e->line : 0) + ": " +
                           (e && e->message ? e->message : "not well-formed"));
    }
    fs::remove_all(dir);
    return problems;
}

std::vector<std::string> zip_entries(const std::string& zip) {
    auto r = run_command("zipinfo -1 " + shell_quote(zip));
    std::vector<std::string> names;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty()) names.push_back(line);
    }
    return names;
}

std::string zip_entry(const std::string& zip, const std::string& name) {
    return run_command("unzip -p " + shell_quote(zip) + " " + shell_quote(name)).out;
}

std::string xhtml_body_text(const std::string& xhtml) {
    std::size_t pos = xhtml.find("<body");
    std::size_t end = xhtml.rfind("</body>");
    if (pos == std::string::npos || end == std::string::npos) return {};
    pos = xhtml.find('>', pos) + 1;
    std::string text;
    int skip_depth = 0;  // > 0 inside an element marked bs-x
    while (pos < end) {
        std::size_t lt = xhtml.find('<', pos);
        if (lt == std::string::npos || lt > end) lt = end;
        if (skip_depth == 0) text += decode_entities(xhtml.substr(pos, lt - pos));
        if (lt == end) break;
        std::size_t gt = xhtml.find('>', lt);
        const std::string tag = xhtml.substr(lt, gt - lt + 1);
        pos = gt + 1;
        const bool closing = tag[1] == '/';
        const bool empty = tag[tag.size() - 2] == '/';
        if (skip_depth > 0) {
            if (closing)
                --skip_depth;
            else if (!empty)
                ++skip_depth;
            continue;
        }
        if (!closing && has_class(tag, "bs-x")) {
            if (!empty) skip_depth = 1;
            continue;
        }
        if (tag.rfind("<img", 0) == 0) text += attribute(tag, "alt");
    }
    return text;
}

std::string element_text(const std::string& xhtml, const std::string& cls) {
    std::regex re("<([a-z0-9]+)[^>]*class=\"[^\"]*\\b" + cls +
                  "\\b[^\"]*\"[^>]*>([\\s\\S]*?)</\\1>");
    std::smatch m;
    if (!std::regex_search(xhtml, m, re)) return {};
    return decode_entities(std::regex_replace(m[2].str(), std::regex("<[^>]*>"), ""));
}

}  // namespace broadside::test
