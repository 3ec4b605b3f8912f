// The book's accessibility claim follows from what the first pass found: the package document
// is written before any chapter, so every check that backs `dcterms:conformsTo` runs there.
#include "accessibility.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "book_plan.hpp"
#include "package_docs.hpp"
#include "xml.hpp"

namespace broadside::epub {
namespace {

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// "a, b and c"
std::string join_words(const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) out += i + 1 == words.size() ? " and " : ", ";
        out += words[i];
    }
    return out;
}

std::string count_of(std::size_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// The English name of a language tag ("zh-Hans" → "Chinese (Simplified)"), from ICU's data.
std::string language_name(const std::string& tag) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
    if (U_FAILURE(status)) return tag;
    icu::UnicodeString name;
    locale.getDisplayName(icu::Locale::getEnglish(), name);
    std::string out;
    name.toUTF8String(out);
    return out.empty() ? tag : out;
}

std::vector<std::string> images_without_alt(const BookPlan& plan) {
    std::vector<std::string> all;
    for (const auto& p : plan.posts) {
        for (const auto& source : p.accessibility.images_without_alt) all.push_back(source);
    }
    return all;
}

std::string summary(const BookPlan& plan, const BookParts& parts,
                    const std::vector<std::string>& gaps) {
    std::vector<std::string> structure{
        "headings in order", plan.settings.group_by_year ? "a table of contents grouped by year"
                                                         : "a table of contents"};
    if (parts.tag_index) structure.push_back("an index of tags");
    if (std::any_of(plan.posts.begin(), plan.posts.end(),
                    [](const PostInfo& p) { return p.accessibility.footnotes > 0; })) {
        structure.push_back("footnotes linked both ways");
    }
    std::string s = "Reflowable text, one chapter per post, with " + join_words(structure) + ".";

    std::vector<std::string> names;
    for (const auto& tag : chapter_languages(plan)) names.push_back(language_name(tag));
    s += " Written in " + join_words(names);
    const ScriptSet rtl =
        (1u << static_cast<int>(Script::arabic)) | (1u << static_cast<int>(Script::hebrew));
    const ScriptSet other_scripts = plan.scripts & ~((1u << static_cast<int>(Script::none)) |
                                                     (1u << static_cast<int>(Script::latin)));
    if (other_scripts == 0) {
        s += ".";
    } else {
        s += "; passages in other scripts are marked with their language";
        s += (plan.scripts & rtl) != 0 ? ", and right-to-left text with its direction." : ".";
    }

    std::vector<std::string> fonts;
    for (const auto& f : parts.fonts) {
        if (f.id == "font-han") fonts.emplace_back("Chinese");
        if (f.id == "font-arabic") fonts.emplace_back("Arabic-script");
        if (f.id == "font-tibetan") fonts.emplace_back("Tibetan");
    }
    if (!fonts.empty()) {
        s += " Embedded fonts show the " + join_words(fonts) +
             " text on readers that have no such fonts.";
    }

    const auto missing = images_without_alt(plan);
    if (!missing.empty()) {
        std::vector<std::string> named(missing.begin(),
                                       missing.begin() + std::min<std::size_t>(3, missing.size()));
        if (missing.size() > named.size()) {
            named.push_back(std::to_string(missing.size() - named.size()) + " more");
        }
        s += " " + count_of(missing.size(), "image has", "images have") +
             " no text alternative: " + join_words(named) + ".";
    } else if (!plan.images.empty()) {
        s += " Every image has a text alternative.";
    }
    s += gaps.empty()
             ? " The book meets EPUB Accessibility 1.1 at WCAG 2.2 Level AA."
             : " The book does not claim EPUB Accessibility 1.1 conformance: " + join_words(gaps) +
                   ".";
    return s;
}

}  // namespace

bool vague_link_text(std::string_view text) {
    static constexpr std::array vague = {
        "here",       "click here", "tap here",  "click",    "link",
        "this link",  "this",       "this page", "more",     "read more",
        "learn more", "more here",  "more info", "continue", "continue reading",
        "go",         "page",       "website"};
    std::size_t first = 0, last = text.size();
    auto edge = [](unsigned char c) { return std::isspace(c) || std::ispunct(c); };
    while (first < last && edge(static_cast<unsigned char>(text[first]))) ++first;
    while (last > first && edge(static_cast<unsigned char>(text[last - 1]))) --last;
    const std::string core = lower_ascii(text.substr(first, last - first));
    return std::any_of(vague.begin(), vague.end(), [&](const char* v) { return core == v; });
}

std::string certifier(const BookPlan& plan) {
    const auto& s = plan.settings;
    if (!s.certified_by.empty()) return s.certified_by;
    if (!s.publisher.empty()) return s.publisher;
    return plan.authors.empty() ? std::string{} : plan.authors.front();
}

std::vector<std::string> conformance_gaps(const BookPlan& plan) {
    std::size_t vague = 0;
    for (const auto& p : plan.posts) vague += p.accessibility.vague_links;
    std::vector<std::string> gaps;
    if (auto missing = images_without_alt(plan).size()) {
        gaps.push_back(count_of(missing, "image", "images") + " without alt text");
    }
    if (vague) {
        gaps.push_back(count_of(vague, "link", "links") + " whose text does not say where it goes");
    }
    if (certifier(plan).empty()) gaps.push_back("no certifier, publisher or author named");
    return gaps;
}

std::string accessibility_metadata(const BookPlan& plan, const BookParts& parts) {
    const bool images = !plan.images.empty();
    const auto gaps = conformance_gaps(plan);
    const bool all_alt = images_without_alt(plan).empty();
    auto meta = [](const std::string& property, const std::string& value) {
        return "<meta property=\"" + property + "\">" + xml_escape(value) + "</meta>\n";
    };
    std::string o;
    if (gaps.empty()) {
        o += meta("dcterms:conformsTo", std::string(conforms_to));
        o += meta("a11y:certifiedBy", certifier(plan));
    }
    o += meta("schema:accessMode", "textual");
    if (images) o += meta("schema:accessMode", "visual");
    // Text alone carries the book only when every image has a text alternative.
    o += meta("schema:accessModeSufficient", images && !all_alt ? "textual,visual" : "textual");
    o += meta("schema:accessibilityFeature", "structuralNavigation");
    o += meta("schema:accessibilityFeature", "tableOfContents");
    o += meta("schema:accessibilityFeature", "readingOrder");
    if (parts.tag_index) o += meta("schema:accessibilityFeature", "index");
    if (images && all_alt) o += meta("schema:accessibilityFeature", "alternativeText");
    o += meta("schema:accessibilityHazard", "none");
    o += meta("schema:accessibilitySummary", summary(plan, parts, gaps));
    return o;
}

}  // namespace broadside::epub
