#include "broadside/pdf/itemize.hpp"

#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <cstdio>
#include <memory>
#include <optional>
#include <set>

#include "broadside/core/language_tag.hpp"

namespace broadside::pdf {
namespace {

/// One code point of the paragraph with everything itemization decides about it.
struct CodePoint {
    char32_t cp = 0;
    std::size_t byte = 0;  // offset in the paragraph text
    std::size_t span = 0;
    int level = 0;
    UScriptCode script = USCRIPT_COMMON;
    FontRef face;
};

/// Characters that take the face of the character before them when it has a glyph for them:
/// marks stay on their base, spaces and punctuation stay in the run they sit in.
bool joins_previous_face(char32_t cp) {
    int8_t type = u_charType(static_cast<UChar32>(cp));
    return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK ||
           type == U_COMBINING_SPACING_MARK || u_isUWhiteSpace(static_cast<UChar32>(cp)) ||
           uscript_getScript(static_cast<UChar32>(cp), nullptr) == USCRIPT_COMMON;
}

/// Characters that never need a glyph of their own: HarfBuzz hides default ignorables (ZWJ,
/// bidi marks, variation selectors) and line breaks become layout, not ink.
bool needs_no_glyph(char32_t cp) {
    auto c = static_cast<UChar32>(cp);
    return u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) ||
           u_charType(c) == U_CONTROL_CHAR;
}

void decode(Itemized& p, std::vector<CodePoint>& cps) {
    const auto* s = reinterpret_cast<const uint8_t*>(p.text.data());
    auto length = static_cast<int32_t>(p.text.size());
    std::size_t span = 0;
    for (int32_t i = 0; i < length;) {
        std::size_t at = static_cast<std::size_t>(i);
        UChar32 c = 0;
        U8_NEXT(s, i, length, c);
        if (c < 0) c = 0xFFFD;
        while (span + 1 < p.span_starts.size() && p.span_starts[span + 1] <= at) ++span;
        cps.push_back({static_cast<char32_t>(c), at, span, 0, USCRIPT_COMMON, nullptr});
    }
}

void assign_levels(Itemized& p, std::vector<CodePoint>& cps, std::optional<bool> rtl) {
    std::vector<UChar> u16;
    std::vector<std::size_t> owner;  // UTF-16 unit -> code point index
    for (std::size_t i = 0; i < cps.size(); ++i) {
        UChar units[2];
        int32_t n = 0;
        UBool error = false;
        U16_APPEND(units, n, 2, static_cast<UChar32>(cps[i].cp), error);
        if (error) continue;  // not a scalar value: leave it at level 0
        for (int32_t k = 0; k < n; ++k) {
            u16.push_back(units[k]);
            owner.push_back(i);
        }
    }
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<UBiDi, decltype(&ubidi_close)> bidi(ubidi_open(), &ubidi_close);
    UBiDiLevel para = core::is_rtl_language(p.lang) ? UBIDI_DEFAULT_RTL : UBIDI_DEFAULT_LTR;
    if (rtl) para = *rtl ? 1 : 0;
    ubidi_setPara(bidi.get(), u16.data(), static_cast<int32_t>(u16.size()), para, nullptr, &err);
    if (U_FAILURE(err)) return;  // levels stay 0: the text still comes out, left to right
    p.base_level = ubidi_getParaLevel(bidi.get()) & 1;
    const UBiDiLevel* levels = ubidi_getLevels(bidi.get(), &err);
    if (U_FAILURE(err) || !levels) return;
    for (std::size_t u = u16.size(); u-- > 0;) cps[owner[u]].level = levels[u];
}

void assign_scripts(std::vector<CodePoint>& cps) {
    // Common/Inherited characters take the script before them; an opening bracket remembers
    // the script so its closing partner gets the same one even after a script change inside.
    struct Open {
        UChar32 closing;
        UScriptCode script;
    };
    std::vector<Open> brackets;
    UScriptCode current = USCRIPT_INVALID_CODE;
    for (auto& c : cps) {
        UErrorCode err = U_ZERO_ERROR;
        auto cp = static_cast<UChar32>(c.cp);
        UScriptCode s = uscript_getScript(cp, &err);
        if (s != USCRIPT_COMMON && s != USCRIPT_INHERITED && s != USCRIPT_INVALID_CODE) {
            current = s;
            c.script = s;
            continue;
        }
        c.script = current;
        auto type = u_getIntPropertyValue(cp, UCHAR_BIDI_PAIRED_BRACKET_TYPE);
        if (type == U_BPT_OPEN) {
            if (brackets.size() < 64) brackets.push_back({u_getBidiPairedBracket(cp), current});
        } else if (type == U_BPT_CLOSE) {
            for (std::size_t k = brackets.size(); k-- > 0;)
                if (brackets[k].closing == cp) {
                    c.script = brackets[k].script;
                    brackets.resize(k);
                    break;
                }
        }
    }
    // Leading neutrals take the first real script after them.
    UScriptCode first = USCRIPT_COMMON;
    for (const auto& c : cps)
        if (c.script != USCRIPT_INVALID_CODE) {
            first = c.script;
            break;
        }
    for (auto& c : cps)
        if (c.script == USCRIPT_INVALID_CODE) c.script = first;
}

std::string hex_code_point(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

class FaceAssigner {
  public:
    FaceAssigner(const Itemized& p, const ParagraphFormat& format, fonts::FontResolver& resolver,
                 core::Diagnostics& diags)
        : p_(p), format_(format), resolver_(resolver), diags_(diags) {}

    void run(std::vector<CodePoint>& cps) {
        FontRef previous;
        for (auto& c : cps) {
            const fonts::FontQuery& q = query_for(c);
            if (previous &&
                (needs_no_glyph(c.cp) || (joins_previous_face(c.cp) && previous->covers(c.cp)))) {
                c.face = previous;
            } else if (needs_no_glyph(c.cp)) {
                c.face = resolver_.primary(q);
            } else {
                c.face = pick(c, q);
            }
            if (!c.face && !reported_no_font_) {
                // Not a single usable face: the text cannot be drawn at all, so this is an
                // error (no PDF), and the items without a face are left out of shaping.
                reported_no_font_ = true;
                const TextSpan& span = p_.spans[c.span];
                diags_.error(format_.file, span.line, span.column,
                             "no usable font is installed for this text",
                             "install " + fonts::packages_to_install(q) +
                                 ", or point BROADSIDE_FONT_DIRS at a folder of fonts");
            }
            previous = c.face;
        }
    }

  private:
    const fonts::FontQuery& query_for(const CodePoint& c) {
        // The query only changes with the script or the span; building it costs strings.
        if (chain_ && c.script == query_script_ && c.span == query_span_) return query_;
        query_script_ = c.script;
        query_span_ = c.span;
        const TextSpan& span = p_.spans[c.span];
        const char* iso = uscript_getShortName(c.script);
        fonts::FontQuery q{fonts::script_key(iso ? iso : "Zyyy", p_.lang),
                           span.mono ? "mono" : format_.family, format_.bold || span.bold,
                           format_.italic || span.italic};
        if (q != query_) {
            query_ = std::move(q);
            chain_ = &resolver_.chain_faces(query_);
        }
        return query_;
    }

    FontRef pick(const CodePoint& c, const fonts::FontQuery& q) {
        // The chain is scanned here directly: nearly every character is covered by its first
        // face, and the resolver's memo (a map lookup) is only needed for the rest.
        for (const auto& face : *chain_)
            if (face->covers(c.cp)) return face;
        if (auto face = resolver_.face_for(c.cp, q)) return face;
        if (warned_.insert(c.cp).second) {
            const TextSpan& span = p_.spans[c.span];
            int column = span.column > 0
                             ? span.column + static_cast<int>(c.byte - p_.span_starts[c.span])
                             : 0;
            // Emoji are what real posts most often miss: Symbola draws those of Unicode 9 and
            // before as outlines, which PDF (and PDF/A) can hold, unlike colour emoji fonts.
            const bool emoji = u_hasBinaryProperty(static_cast<UChar32>(c.cp), UCHAR_EMOJI);
            diags_.warning(format_.file, span.line, column,
                           "no installed font covers " + hex_code_point(c.cp) +
                               "; it is drawn as a missing-glyph box",
                           emoji ? "install Debian's fonts-symbola (emoji up to Unicode 9, in "
                                   "outline), or name a font in the style's `fonts:` section"
                                 : "install a font with this character, or name one in the "
                                   "style's `fonts:` section");
        }
        return resolver_.primary(q);
    }

    const Itemized& p_;
    const ParagraphFormat& format_;
    fonts::FontResolver& resolver_;
    core::Diagnostics& diags_;
    fonts::FontQuery query_{"", "", false, false};
    const std::vector<std::shared_ptr<const fonts::Face>>* chain_ = nullptr;
    std::set<char32_t> warned_;
    bool reported_no_font_ = false;
    UScriptCode query_script_ = USCRIPT_INVALID_CODE;
    std::size_t query_span_ = 0;
};

}  // namespace

Itemized itemize(std::vector<TextSpan> spans, const ParagraphFormat& format,
                 fonts::FontResolver& resolver, core::Diagnostics& diags) {
    Itemized p;
    p.lang = format.lang;
    p.spans = std::move(spans);
    for (const auto& s : p.spans) {
        p.span_starts.push_back(p.text.size());
        p.text += s.text;
    }
    if (p.text.empty()) return p;
    std::vector<CodePoint> cps;
    decode(p, cps);
    assign_levels(p, cps, format.rtl);
    assign_scripts(cps);
    FaceAssigner(p, format, resolver, diags).run(cps);

    for (std::size_t i = 0; i < cps.size(); ++i) {
        const CodePoint& c = cps[i];
        bool same = !p.items.empty() && i > 0;
        if (same) {
            const CodePoint& prev = cps[i - 1];
            same = prev.level == c.level && prev.script == c.script && prev.face == c.face &&
                   prev.span == c.span;
        }
        std::size_t end = i + 1 < cps.size() ? cps[i + 1].byte : p.text.size();
        if (same) {
            p.items.back().end = end;
        } else {
            const char* iso = uscript_getShortName(c.script);
            p.items.push_back({c.byte, end, c.level, iso ? iso : "Zyyy", c.face, c.span});
        }
    }
    return p;
}

}  // namespace broadside::pdf
