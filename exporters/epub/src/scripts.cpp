#include "scripts.hpp"

#include <algorithm>

#include "broadside/core/language_tag.hpp"
#include "broadside/core/utf8.hpp"
#include "xml.hpp"

namespace broadside::epub {
namespace {

// The scripts the book treats specially, by ISO 15924 code (a letter's or a language's).
Script script_named(std::string_view iso) {
    if (iso == "Latn") return Script::latin;
    if (iso == "Arab") return Script::arabic;
    if (iso == "Hebr") return Script::hebrew;
    if (iso == "Hani" || iso == "Hans" || iso == "Hant" || iso == "Jpan") return Script::han;
    if (iso == "Tibt") return Script::tibetan;
    return Script::none;
}

Script script_of(char32_t c) {
    return script_named(core::script_of_letter(c));
}

struct Passage {
    Script script = Script::none;
    std::size_t begin = 0;  ///< first strong character
    std::size_t end = 0;    ///< after the last strong character
    bool uyghur = false;
};

void open_span(std::string& out, const Passage& p, std::string_view lang,
               std::string_view latin_lang) {
    const std::string_view tag = passage_language(p.script, p.uyghur, lang, latin_lang);
    // No dir on Latin: `dir="auto"` on the paragraph must still see these letters.
    const bool rtl = p.script == Script::arabic || p.script == Script::hebrew;
    out += "<span lang=\"";
    out += tag;
    out += "\" xml:lang=\"";
    out += tag;
    out += rtl ? "\" dir=\"rtl\">" : "\">";
}

}  // namespace

std::string_view passage_language(Script script, bool uyghur_letters, std::string_view lang,
                                  std::string_view latin_lang) {
    // The ISO code of the script, for the one table of passage languages (core).
    static constexpr std::string_view iso[] = {"", "Latn", "Arab", "Hebr", "Hani", "Tibt"};
    return core::passage_language(iso[static_cast<int>(script)], uyghur_letters, lang, latin_lang);
}

std::vector<std::string> passage_languages(ScriptSet scripts) {
    std::vector<std::string> tags;
    for (Script s : {Script::arabic, Script::hebrew, Script::han, Script::tibetan}) {
        if ((scripts & (1u << static_cast<int>(s))) == 0) continue;
        for (bool uyghur : {true, false})
            for (std::string_view lang : {"", "ja"}) {
                std::string tag(passage_language(s, uyghur, lang, {}));
                if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
            }
    }
    return tags;
}

void collect_non_ascii(std::string_view text, std::vector<char32_t>& out) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (static_cast<unsigned char>(text[pos]) < 0x80) {
            ++pos;
            continue;
        }
        out.push_back(core::decode_utf8(text, pos));
    }
}

Script script_of_code_point(char32_t c) {
    return script_of(c);
}

ScriptSet scripts_in(std::string_view text) {
    ScriptSet set = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto c = static_cast<unsigned char>(text[pos]);
        if (c < 0x80) {
            ++pos;
            if (std::isalpha(c)) set |= 1u << static_cast<int>(Script::latin);
            continue;
        }
        Script s = script_of(core::decode_utf8(text, pos));
        if (s != Script::none) set |= 1u << static_cast<int>(s);
    }
    return set;
}

Script script_of_language(std::string_view lang) {
    const Script script = script_named(core::likely_script(lang));
    return script == Script::none ? Script::latin : script;
}

void append_text_with_lang(std::string& out, std::string_view text, std::string_view lang,
                           std::string_view latin_lang) {
    const Script home = script_of_language(lang);
    std::size_t written = 0;
    Passage cur;
    auto flush = [&]() {
        if (cur.script == Script::none) return;
        append_xml(out, text.substr(written, cur.begin - written));
        open_span(out, cur, lang, latin_lang);
        append_xml(out, text.substr(cur.begin, cur.end - cur.begin));
        out += "</span>";
        written = cur.end;
        cur = {};
    };
    std::size_t pos = 0;
    bool after_maksura = false;
    while (pos < text.size()) {
        const std::size_t at = pos;
        const auto byte = static_cast<unsigned char>(text[pos]);
        char32_t c =
            byte < 0x80 ? (++pos, static_cast<char32_t>(byte)) : core::decode_utf8(text, pos);
        Script s = script_of(c);
        if (s == Script::none) {
            after_maksura = false;
            continue;  // neutral: joins whatever passage surrounds it
        }
        // Latin inside Latin-script text needs no span; inside Uyghur or Chinese it does.
        if (s == home || (s == Script::latin && home == Script::latin)) {
            flush();
            continue;
        }
        if (s != cur.script) {
            flush();
            cur.script = s;
            cur.begin = at;
        }
        cur.end = pos;
        // Alef maksura inside a word is Uyghur's letter i; Arabic writes it only word-finally.
        cur.uyghur =
            cur.uyghur || core::is_uyghur_letter(c) || (after_maksura && s == Script::arabic);
        after_maksura = c == 0x0649;
    }
    flush();
    append_xml(out, text.substr(written));
}

}  // namespace broadside::epub
