// The package's fixed documents. Everything is written in spine order so the nav, the NCX and
// the spine can never disagree (NAV-011).
#include "package_docs.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "accessibility.hpp"
#include "broadside/core/language_tag.hpp"
#include "broadside/styles/words.hpp"
#include "scripts.hpp"
#include "xhtml_page.hpp"
#include "xml.hpp"

namespace broadside::epub {
namespace {

// The book's own words (Contents, Title page…) in its language: styles/words/LANG.yaml.
std::string word(const BookPlan& plan, std::string_view key) {
    return styles::words_for(plan.language).get(key);
}

std::string manifest_id(const std::string& href) {
    std::string id = "i-";
    for (char c : href) id += std::isalnum(static_cast<unsigned char>(c)) ? c : '-';
    return id;
}

std::string chapter_id(std::size_t i) {
    return "c" + std::to_string(i + 1);
}

std::string text_in(const std::string& text, const std::string& lang) {
    std::string out;
    append_text_with_lang(out, text, lang);
    return out;
}

std::string tag_id(std::size_t n) {
    return "tag" + std::to_string(n + 1);
}

std::map<std::string, std::vector<std::size_t>> posts_by_tag(const BookPlan& plan) {
    std::map<std::string, std::vector<std::size_t>> tags;
    for (std::size_t i = 0; i < plan.posts.size(); ++i) {
        for (const auto& t : plan.posts[i].tags) {
            auto& list = tags[t];
            if (list.empty() || list.back() != i) list.push_back(i);
        }
    }
    return tags;
}

std::string first_chapter(const BookPlan& plan) {
    return "chapters/" + plan.posts.front().file;
}

}  // namespace

bool has_tags(const BookPlan& plan) {
    return std::any_of(plan.posts.begin(), plan.posts.end(),
                       [](const PostInfo& p) { return !p.tags.empty(); });
}

std::string container_xml() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
           "  <rootfiles>\n"
           "    <rootfile full-path=\"EPUB/package.opf\" "
           "media-type=\"application/oebps-package+xml\"/>\n"
           "  </rootfiles>\n</container>\n";
}

std::string package_opf(const BookPlan& plan, const BookParts& parts) {
    const auto& s = plan.settings;
    std::string o =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" "
        "unique-identifier=\"uid\" xml:lang=\"" +
        xml_escape(plan.language) +
        "\">\n"
        "<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n";
    o += "<dc:identifier id=\"uid\">" + xml_escape(plan.identifier) + "</dc:identifier>\n";
    o += "<dc:title id=\"title\">" + xml_escape(plan.title) + "</dc:title>\n";
    o += "<meta refines=\"#title\" property=\"title-type\">main</meta>\n";
    if (!s.subtitle.empty()) {
        o += "<dc:title id=\"subtitle\">" + xml_escape(s.subtitle) + "</dc:title>\n";
        o += "<meta refines=\"#subtitle\" property=\"title-type\">subtitle</meta>\n";
    }
    o += "<dc:language>" + xml_escape(plan.language) + "</dc:language>\n";
    for (std::size_t i = 0; i < plan.authors.size(); ++i) {
        const std::string id = "creator" + std::to_string(i + 1);
        o += "<dc:creator id=\"" + id + "\">" + xml_escape(plan.authors[i]) + "</dc:creator>\n";
        o +=
            "<meta refines=\"#" + id + "\" property=\"role\" scheme=\"marc:relators\">aut</meta>\n";
    }
    if (!s.publisher.empty()) o += "<dc:publisher>" + xml_escape(s.publisher) + "</dc:publisher>\n";
    std::optional<core::Date> date = s.date;
    for (const auto& p : plan.posts) {
        if (!s.date && p.date && (!date || *p.date > *date)) date = p.date;
    }
    if (date) {
        o += "<dc:date>" + date->iso().substr(0, 10) + "</dc:date>\n";
    }
    if (!s.description.empty()) {
        o += "<dc:description>" + xml_escape(s.description) + "</dc:description>\n";
    }
    for (const auto& [tag, posts] : posts_by_tag(plan)) {
        o += "<dc:subject>" + xml_escape(tag) + "</dc:subject>\n";
    }
    o += "<meta property=\"dcterms:modified\">" + plan.modified + "</meta>\n";
    if (!plan.cover_href.empty()) {
        o += "<meta name=\"cover\" content=\"" + manifest_id(plan.cover_href) + "\"/>\n";
    }
    o += accessibility_metadata(plan, parts);
    o += "</metadata>\n<manifest>\n";
    o += "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" "
         "properties=\"nav\"/>\n";
    o += "<item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/>\n";
    o += "<item id=\"css\" href=\"styles/book.css\" media-type=\"text/css\"/>\n";
    if (parts.cover_page) {
        o += "<item id=\"cover\" href=\"cover.xhtml\" media-type=\"application/xhtml+xml\"/>\n";
    }
    o += "<item id=\"titlepage\" href=\"title.xhtml\" media-type=\"application/xhtml+xml\"/>\n";
    for (std::size_t i = 0; i < plan.posts.size(); ++i) {
        o += "<item id=\"" + chapter_id(i) + "\" href=\"chapters/" + plan.posts[i].file +
             "\" media-type=\"application/xhtml+xml\"/>\n";
    }
    if (parts.tag_index) {
        o += "<item id=\"tags\" href=\"tags.xhtml\" media-type=\"application/xhtml+xml\"/>\n";
    }
    for (const auto& [href, image] : plan.images) {
        o += "<item id=\"" + manifest_id(href) + "\" href=\"" + xml_escape(href) +
             "\" media-type=\"" + image.media_type + "\"";
        if (href == plan.cover_href) o += " properties=\"cover-image\"";
        if (!image.fallback_href.empty())
            o += " fallback=\"" + manifest_id(image.fallback_href) + "\"";
        o += "/>\n";
        if (!image.fallback_href.empty()) {
            o += "<item id=\"" + manifest_id(image.fallback_href) + "\" href=\"" +
                 xml_escape(image.fallback_href) + "\" media-type=\"image/svg+xml\"/>\n";
        }
    }
    for (const auto& f : parts.fonts) {
        o += "<item id=\"" + f.id + "\" href=\"" + f.href + "\" media-type=\"" + f.media_type +
             "\"/>\n";
    }
    // A right-to-left book (Uyghur, Arabic) turns its pages the other way.
    o += core::is_rtl_language(plan.language)
             ? "</manifest>\n<spine toc=\"ncx\" page-progression-direction=\"rtl\">\n"
             : "</manifest>\n<spine toc=\"ncx\">\n";
    if (parts.cover_page) o += "<itemref idref=\"cover\"/>\n";
    o += "<itemref idref=\"titlepage\"/>\n<itemref idref=\"nav\"/>\n";
    for (std::size_t i = 0; i < plan.posts.size(); ++i) {
        o += "<itemref idref=\"" + chapter_id(i) + "\"/>\n";
    }
    if (parts.tag_index) o += "<itemref idref=\"tags\"/>\n";
    o += "</spine>\n<guide>\n";
    if (parts.cover_page)
        o += "<reference type=\"cover\" title=\"" + xml_escape(word(plan, "cover")) +
             "\" href=\"cover.xhtml\"/>\n";
    o += "<reference type=\"title-page\" title=\"" + xml_escape(word(plan, "title-page")) +
         "\" href=\"title.xhtml\"/>\n";
    o += "<reference type=\"toc\" title=\"" + xml_escape(word(plan, "contents")) +
         "\" href=\"nav.xhtml\"/>\n";
    o += "<reference type=\"text\" title=\"" + xml_escape(word(plan, "start")) + "\" href=\"" +
         first_chapter(plan) + "\"/>\n";
    o += "</guide>\n</package>\n";
    return o;
}

std::string nav_xhtml(const BookPlan& plan, const BookParts& parts) {
    std::string o = xhtml_open(word(plan, "contents"), plan.language, "styles/book.css");
    o += "<nav epub:type=\"toc\" id=\"toc\" role=\"doc-toc\">\n<h1>" +
         xml_escape(word(plan, "contents")) + "</h1>\n<ol>\n";
    auto entry = [&](std::size_t i) {
        const PostInfo& p = plan.posts[i];
        const std::string lang = chapter_language(plan, p);
        o += "<li><a href=\"chapters/" + p.file + "\"";
        if (lang != plan.language) {
            o += " lang=\"" + xml_escape(lang) + "\" xml:lang=\"" + xml_escape(lang) + "\"";
            if (core::is_rtl_language(lang) != core::is_rtl_language(plan.language)) {
                o += core::is_rtl_language(lang) ? " dir=\"rtl\"" : " dir=\"ltr\"";
            }
        }
        o += ">" + text_in(p.title, lang) + "</a></li>\n";
    };
    if (plan.settings.group_by_year) {
        for (const auto& g : year_groups(plan)) {
            o += "<li><span>" + xml_escape(g.label) + "</span>\n<ol>\n";
            for (std::size_t i = g.first; i < g.end; ++i) entry(i);
            o += "</ol></li>\n";
        }
    } else {
        for (std::size_t i = 0; i < plan.posts.size(); ++i) entry(i);
    }
    if (parts.tag_index)
        o += "<li><a href=\"tags.xhtml\">" + xml_escape(word(plan, "tag-index")) + "</a></li>\n";
    o += "</ol>\n</nav>\n";
    o += "<nav epub:type=\"landmarks\" id=\"landmarks\" "
         "hidden=\"hidden\">\n<h2>" +
         xml_escape(word(plan, "landmarks")) + "</h2>\n<ol>\n";
    if (parts.cover_page) o += "<li><a epub:type=\"cover\" href=\"cover.xhtml\">Cover</a></li>\n";
    o += "<li><a epub:type=\"titlepage\" href=\"title.xhtml\">" +
         xml_escape(word(plan, "title-page")) + "</a></li>\n";
    o += "<li><a epub:type=\"toc\" href=\"nav.xhtml#toc\">" + xml_escape(word(plan, "contents")) +
         "</a></li>\n";
    o += "<li><a epub:type=\"bodymatter\" href=\"" + first_chapter(plan) + "\">" +
         xml_escape(word(plan, "start")) + "</a></li>\n";
    if (parts.tag_index)
        o += "<li><a epub:type=\"index\" href=\"tags.xhtml\">" +
             xml_escape(word(plan, "tag-index")) + "</a></li>\n";
    o += "</ol>\n</nav>\n";
    o += xhtml_close;
    return o;
}

std::string toc_ncx(const BookPlan& plan, const BookParts& parts) {
    std::string o =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\" "
        "xml:lang=\"" +
        xml_escape(plan.language) + "\">\n<head>\n";
    o += "<meta name=\"dtb:uid\" content=\"" + xml_escape(plan.identifier) + "\"/>\n";
    o += std::string("<meta name=\"dtb:depth\" content=\"") +
         (plan.settings.group_by_year ? "2" : "1") + "\"/>\n";
    o += "<meta name=\"dtb:totalPageCount\" content=\"0\"/>\n"
         "<meta name=\"dtb:maxPageNumber\" content=\"0\"/>\n</head>\n";
    o += "<docTitle><text>" + xml_escape(plan.title) + "</text></docTitle>\n<navMap>\n";
    // Entries pointing at the same file share a playOrder, as NCX readers expect.
    int point = 0;
    auto nav_point = [&](const std::string& label, const std::string& src, int order) {
        o += "<navPoint id=\"np" + std::to_string(++point) + "\" playOrder=\"" +
             std::to_string(order) + "\"><navLabel><text>" + xml_escape(label) +
             "</text></navLabel><content src=\"" + src + "\"/>";
    };
    auto chapter = [&](std::size_t i) {
        nav_point(plan.posts[i].title, "chapters/" + plan.posts[i].file, static_cast<int>(i) + 1);
        o += "</navPoint>\n";
    };
    if (plan.settings.group_by_year) {
        for (const auto& g : year_groups(plan)) {
            nav_point(g.label, "chapters/" + plan.posts[g.first].file,
                      static_cast<int>(g.first) + 1);
            o += "\n";
            for (std::size_t i = g.first; i < g.end; ++i) chapter(i);
            o += "</navPoint>\n";
        }
    } else {
        for (std::size_t i = 0; i < plan.posts.size(); ++i) chapter(i);
    }
    if (parts.tag_index) {
        nav_point(word(plan, "tag-index"), "tags.xhtml", static_cast<int>(plan.posts.size()) + 1);
        o += "</navPoint>\n";
    }
    o += "</navMap>\n</ncx>\n";
    return o;
}

std::string title_page(const BookPlan& plan) {
    const auto& s = plan.settings;
    std::string o = xhtml_open(plan.title, plan.language, "styles/book.css");
    o += "<section epub:type=\"titlepage\" class=\"titlepage\">\n";
    o += "<h1 class=\"book-title\">" + text_in(plan.title, plan.language) + "</h1>\n";
    if (!s.subtitle.empty()) {
        o += "<p class=\"book-subtitle\">" + text_in(s.subtitle, plan.language) + "</p>\n";
    }
    if (!plan.authors.empty()) {
        o += "<p class=\"book-authors\">";
        for (std::size_t i = 0; i < plan.authors.size(); ++i) {
            o += (i ? ", " : "") + text_in(plan.authors[i], plan.language);
        }
        o += "</p>\n";
    }
    if (!s.publisher.empty()) {
        o += "<p class=\"book-publisher\">" + text_in(s.publisher, plan.language) + "</p>\n";
    }
    int first = 0, last = 0;
    for (const auto& p : plan.posts) {
        if (!p.date) continue;
        first = first == 0 ? p.date->year : std::min(first, p.date->year);
        last = std::max(last, p.date->year);
    }
    o += "<p class=\"book-facts\">";
    if (first != 0) {
        o += std::to_string(first);
        if (last != first) o += "–" + std::to_string(last);
        o += " · ";
    }
    o += std::to_string(plan.posts.size()) + (plan.posts.size() == 1 ? " post" : " posts") +
         "</p>\n";
    if (!s.description.empty()) {
        o += "<p class=\"book-description\">" + text_in(s.description, plan.language) + "</p>\n";
    }
    o += "</section>\n";
    o += xhtml_close;
    return o;
}

std::string cover_page(const BookPlan& plan) {
    std::string o = xhtml_open(plan.title, plan.language, "styles/book.css", "cover");
    o += "<div class=\"cover\"><img role=\"doc-cover\" src=\"" + xml_escape(plan.cover_href) +
         "\" alt=\"" + xml_escape(word(plan, "cover") + ": " + plan.title) + "\"/></div>\n";
    o += xhtml_close;
    return o;
}

std::string tag_index_page(const BookPlan& plan) {
    std::string o = xhtml_open(word(plan, "tag-index"), plan.language, "styles/book.css");
    // epub:type and role agree, as on the chapters and the contents.
    o += "<section class=\"tag-index-page\" epub:type=\"index\" role=\"doc-index\">\n<h1>" +
         xml_escape(word(plan, "tag-index")) + "</h1>\n<dl class=\"tag-index\">\n";
    std::size_t n = 0;
    for (const auto& [tag, posts] : posts_by_tag(plan)) {
        o += "<dt id=\"" + tag_id(n++) + "\">" + text_in(tag, plan.language) + "</dt>\n";
        for (std::size_t i : posts) {
            const PostInfo& p = plan.posts[i];
            o += "<dd><a href=\"chapters/" + p.file + "\">" +
                 text_in(p.title, chapter_language(plan, p)) + "</a>";
            if (p.date) o += " <span class=\"toc-date\">" + p.date->iso().substr(0, 10) + "</span>";
            o += "</dd>\n";
        }
    }
    o += "</dl>\n</section>\n";
    o += xhtml_close;
    return o;
}

}  // namespace broadside::epub
