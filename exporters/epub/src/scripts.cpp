#include "scripts.hpp"

#include "broadside/core/language_tag.hpp"
#include "broadside/core/utf8.hpp"
#include "xml.hpp"

namespace broadside::epub {
namespace {

Script script_of(char32_t c) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
        (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7)) {
        return Script::latin;
    }
    if ((c >= 0x0600 && c <= 0x06FF && !(c >= 0x0660 && c <= 0x0669) && c != 0x060C &&
         c != 0x061B && c != 0x061F) ||
        (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08FF) ||
        (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC)) {
        return Script::arabic;
    }
    if (c >= 0x0590 && c <= 0x05FF) return Script::hebrew;
    if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
        (c >= 0x20000 && c <= 0x2FFFF) || (c >= 0xF900 && c <= 0xFAFF)) {
        return Script::han;
    }
    if (c >= 0x0F00 && c <= 0x0FFF && c != 0x0F0B) return Script::tibetan;
    return Script::none;
}

// Letters only Uyghur uses among Arabic-script languages, so a passage that has one is Uyghur.
bool is_uyghur_letter(char32_t c) {
    switch (c) {
        case 0x06D0:
        case 0x06C7:
        case 0x06C6:
        case 0x06C8:
        case 0x06CB:
        case 0x06D5:
        case 0x06AD:
        case 0x06BE:
            return true;
        default:
            return false;
    }
}

std::string_view primary_subtag(std::string_view lang) {
    return lang.substr(0, lang.find_first_of("-_"));
}

struct Passage {
    Script script = Script::none;
    std::size_t begin = 0;  ///< first strong character
    std::size_t end = 0;    ///< after the last strong character
    bool uyghur = false;
};

void open_span(std::string& out, const Passage& p, std::string_view lang,
               std::string_view latin_lang) {
    std::string_view tag;
    bool rtl = false;
    switch (p.script) {
        case Script::latin:
            // No dir here: `dir="auto"` on the paragraph must still see these letters.
            tag = latin_lang;
            break;
        case Script::arabic:
            tag = p.uyghur || primary_subtag(lang) == "ug" ? "ug" : "ar";
            rtl = true;
            break;
        case Script::hebrew:
            tag = "he";
            rtl = true;
            break;
        case Script::han:
            tag = primary_subtag(lang) == "ja" ? "ja" : "zh";
            break;
        case Script::tibetan:
            tag = "bo";
            break;
        default:
            break;
    }
    out += "<span lang=\"";
    out += tag;
    out += "\" xml:lang=\"";
    out += tag;
    out += rtl ? "\" dir=\"rtl\">" : "\">";
}

}  // namespace

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
    const std::string script = core::likely_script(lang);
    if (script == "Arab") return Script::arabic;
    if (script == "Hebr") return Script::hebrew;
    if (script == "Hans" || script == "Hant" || script == "Jpan" || script == "Hani")
        return Script::han;
    if (script == "Tibt") return Script::tibetan;
    return Script::latin;
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
        cur.uyghur = cur.uyghur || is_uyghur_letter(c) || (after_maksura && s == Script::arabic);
        after_maksura = c == 0x0649;
    }
    flush();
    append_xml(out, text.substr(written));
}

}  // namespace broadside::epub
