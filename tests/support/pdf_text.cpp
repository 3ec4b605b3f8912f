#include "pdf_text.hpp"

#include <regex>

#include "run_command.hpp"

namespace broadside::test {

std::string without_bidi_controls(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i + 2 < s.size() && s[i] == '\xE2' && s[i + 1] == '\x80' &&
            (s[i + 2] == '\x8E' || s[i + 2] == '\x8F' ||
             (s[i + 2] >= '\xAA' && s[i + 2] <= '\xAE'))) {
            i += 2;
            continue;
        }
        out += s[i];
    }
    return out;
}

std::vector<PdfWord> pdf_words(const std::string& pdf, int page) {
    std::string pages = page > 0 ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
    auto r = run_command("pdftotext -bbox" + pages + " " + shell_quote(pdf) + " -");
    static const std::regex word(
        R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>)re");
    std::vector<PdfWord> out;
    for (std::sregex_iterator it(r.out.begin(), r.out.end(), word), end; it != end; ++it)
        out.push_back({without_bidi_controls((*it)[5]), std::stod((*it)[1]), std::stod((*it)[2]),
                       std::stod((*it)[3]), std::stod((*it)[4])});
    return out;
}

std::string reversed_code_points(const std::string& text) {
    std::vector<std::string> points;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t n = 1;
        while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) ++n;
        points.push_back(text.substr(i, n));
        i += n;
    }
    std::string out;
    for (auto it = points.rbegin(); it != points.rend(); ++it) out += *it;
    return out;
}

}  // namespace broadside::test
